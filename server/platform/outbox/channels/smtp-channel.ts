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
    // Short network timeouts: a hanging server must not hold an outbox job near its lease.
    this.#transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 8_000 });
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.#transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }
}
