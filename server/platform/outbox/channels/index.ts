import { env } from "@/server/platform/env";
import type { Logger } from "@/server/platform/logger";
import { LogChannel } from "./log-channel";
import { SmtpChannel } from "./smtp-channel";
import type { DeliveryChannels } from "./types";

export type { DeliveryChannel, DeliveryChannels, OutgoingMessage } from "./types";

/** E-mail over SMTP when SMTP_URL is set, else to the log; text messages always to the log (no SMS gateway yet). */
export function channelsFromEnv(log: Logger): DeliveryChannels {
  const { SMTP_URL, MAIL_FROM } = env();
  const logChannel = new LogChannel(log);
  return { email: SMTP_URL ? new SmtpChannel(SMTP_URL, MAIL_FROM) : logChannel, sms: logChannel };
}
