import type { Logger } from "@/server/platform/logger";
import type { DeliveryChannel, OutgoingMessage } from "./types";

/** The embedded default: messages are written to the log instead of being sent. */
export class LogChannel implements DeliveryChannel {
  readonly name = "log";

  constructor(private readonly log: Logger) {}

  async send(message: OutgoingMessage): Promise<void> {
    this.log.info({ channel: message.channel, to: message.to, subject: message.subject, text: message.text }, "message delivered to log");
  }
}
