import nodemailer, { type Transporter } from "nodemailer";
import type { DeliveryChannel, OutgoingMessage } from "./types";

/** REQUEST (new or changed appointment) or CANCEL, from the calendar's own METHOD line. */
export function icsMethod(ics: string): "REQUEST" | "CANCEL" {
  return /^METHOD:CANCEL\s*$/im.test(ics) ? "CANCEL" : "REQUEST";
}

/**
 * E-mail through an SMTP server (SMTP_URL, e.g. smtps://user:pass@mail.example.de:465): the text,
 * with an HTML part when the message has one (multipart/alternative), and the appointment as the
 * attachment "termin.ics" (text/calendar; method=REQUEST or CANCEL) when it has an .ics.
 */
export class SmtpChannel implements DeliveryChannel {
  readonly name = "smtp";
  readonly #transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // Short network timeouts: a hanging server must not hold an outbox job near its lease.
    this.#transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 8_000 });
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.#transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      ...(message.ics
        ? {
            attachments: [
              {
                filename: "termin.ics",
                content: message.ics,
                contentType: `text/calendar; charset=utf-8; method=${icsMethod(message.ics)}`,
              },
            ],
          }
        : {}),
    });
  }
}
