/**
 * Health of mail delivery, which the queue's confirmation jobs depend on: the SMTP server of
 * SMTP_URL greets us and takes our login. Without SMTP_URL mails go to the log: "not configured".
 */
import { HEALTH_TIMEOUT_MS } from "@/server/core/health-check";
import type { HealthCheck, HealthStatus } from "@/server/core/types";
import { env } from "@/server/platform/env";
import { smtpProblem, verifySmtp } from "@/server/platform/outbox/channels/smtp-check";

const SMTP_SETTING = "SMTP_URL der Installation prüfen (Betrieb)";

export const smtpHealth: HealthCheck = {
  name: "smtp",
  label: "E-Mail-Versand",
  run: checkSmtp,
};

async function checkSmtp(): Promise<HealthStatus> {
  const url = env().SMTP_URL;
  if (!url) {
    return { status: "not_configured", message: "Kein Mailserver eingerichtet; Bestätigungen per E-Mail werden nur protokolliert.", action: "SMTP_URL setzen (Betrieb)" };
  }
  const started = performance.now();
  try {
    // A little under the health limit, so the mail server's own timeout names the problem.
    await verifySmtp(url, HEALTH_TIMEOUT_MS - 250);
  } catch (error) {
    return smtpFailure(error);
  }
  return { status: "healthy", message: "Der Mailserver antwortet.", latencyMs: Math.round((performance.now() - started) * 10) / 10 };
}

function smtpFailure(error: unknown): HealthStatus {
  switch (smtpProblem(error)) {
    case "auth":
      return { status: "down", message: "Der Mailserver lehnt die Anmeldung ab.", action: "Benutzer und Passwort in SMTP_URL prüfen (Betrieb)" };
    case "timeout":
      return { status: "down", message: "Der Mailserver antwortet nicht rechtzeitig.", action: SMTP_SETTING };
    case "tls":
      return { status: "down", message: "Die verschlüsselte Verbindung zum Mailserver kommt nicht zustande.", action: SMTP_SETTING };
    case "unreachable":
      return { status: "down", message: "Der Mailserver ist nicht erreichbar.", action: SMTP_SETTING };
    default:
      return { status: "down", message: "Der Mailserver antwortet unerwartet.", action: SMTP_SETTING };
  }
}
