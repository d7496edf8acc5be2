/**
 * Health of the Sentry connection: not set up is its own state (errors are then kept in the
 * app's own store); with a token, listing the newest issue proves token and organisation.
 */
import type { HealthCheck, HealthStatus } from "@/server/core/types";
import { SentryApiError } from "@/server/integrations/sentry/client";
import { env } from "@/server/platform/env";
import { sentryApiSettings } from "./sentry-source";

export const sentryHealth: HealthCheck = {
  name: "sentry",
  label: "Sentry",
  run: async () => checkSentry(),
};

async function checkSentry(): Promise<HealthStatus> {
  const settings = sentryApiSettings();
  if (!settings) {
    return {
      status: "not_configured",
      message: env().SENTRY_DSN
        ? "Fehler werden an Sentry gemeldet; zum Anzeigen im Dashboard fehlen SENTRY_AUTH_TOKEN und SENTRY_ORG. Die Fehleransicht zeigt das Protokoll der App."
        : "Sentry ist nicht eingerichtet; die Fehleransicht zeigt das Protokoll der App.",
      action: "Optional: SENTRY_DSN, SENTRY_ORG und SENTRY_AUTH_TOKEN in der Umgebung setzen",
    };
  }
  const started = performance.now();
  try {
    await settings.client.listIssues({ statsPeriod: "24h", query: "is:unresolved" });
  } catch (error) {
    if (!(error instanceof SentryApiError)) throw error;
    return {
      status: "down",
      message: error.message,
      action: error.kind === "unauthorized" ? "SENTRY_AUTH_TOKEN (Berechtigung event:read) und SENTRY_ORG prüfen" : "In einigen Minuten erneut prüfen; SENTRY_API_BASE_URL prüfen",
    };
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  return { status: env().SENTRY_DSN ? "healthy" : "degraded", message: env().SENTRY_DSN ? "Sentry antwortet, das Zugriffs-Token ist gültig." : "Sentry antwortet, aber SENTRY_DSN fehlt: neue Fehler werden nicht an Sentry gemeldet.", latencyMs };
}
