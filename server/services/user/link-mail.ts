/**
 * How a one-time "set your password" link also reaches its user: by e-mail over SMTP when the
 * install has SMTP_URL, else not at all. Never through the log channel the outbox falls back
 * to: the link opens the account, so it must not land in a log file. Sent at once, not through
 * the outbox, so the admin learns right away whether it went out (and no job row holds the link).
 */
import { env } from "@/server/platform/env";
import type { DeliveryChannel } from "@/server/platform/outbox/channels";
import { SmtpChannel } from "@/server/platform/outbox/channels/smtp-channel";

let provided: { channel: DeliveryChannel | null } | null = null;
let fromEnv: DeliveryChannel | null | undefined;

/** Tests and tools: send links through `channel` (null: as if no SMTP were set up); undefined returns to SMTP_URL. */
export function setLinkMailChannel(channel: DeliveryChannel | null | undefined): void {
  provided = channel === undefined ? null : { channel };
}

/** The channel for links, or null when this install sends no e-mail. */
export function linkMailChannel(): DeliveryChannel | null {
  if (provided) return provided.channel;
  if (fromEnv === undefined) {
    const { SMTP_URL, MAIL_FROM } = env();
    fromEnv = SMTP_URL ? new SmtpChannel(SMTP_URL, MAIL_FROM) : null;
  }
  return fromEnv;
}

/** The public address of a link's page (APP_URL without a trailing slash). */
export function setPasswordUrl(token: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/passwort-setzen/${token}`;
}
