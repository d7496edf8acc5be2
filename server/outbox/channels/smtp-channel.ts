import nodemailer, { type Transporter } from "nodemailer";
import type { DeliveryChannel, OutgoingMessage } from "./types";

/** E-mail through an SMTP server (SMTP_URL, e.g. smtps://user:pass@mail.example.de:465). */
export class SmtpChannel implements DeliveryChannel {
  readonly name = "smtp";
  readonly #transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.#transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.#transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }
}
