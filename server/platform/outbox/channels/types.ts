/** A message ready to send; rendered when the job is written, so delivery needs no lookups. */
export interface OutgoingMessage {
  channel: "email" | "sms";
  /** E-mail address or E.164 phone number. */
  to: string;
  subject: string;
  text: string;
  /** E-mail only: the HTML part (sent together with `text` as multipart/alternative). */
  html?: string;
  /** E-mail only: an iCalendar file, attached as "termin.ics" (its METHOD decides REQUEST or CANCEL). */
  ics?: string;
}

export interface DeliveryChannel {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

export interface DeliveryChannels {
  email: DeliveryChannel;
  sms: DeliveryChannel;
}
