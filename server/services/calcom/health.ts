/**
 * Health of the company's calendar connection. Only a company that chose Cal.com is asked
 * about it: its key must be accepted (listing the event types is the cheapest authenticated
 * call the client makes). The built-in calendar has nothing to reach: "not configured".
 */
import { AppError, ErrorCodes } from "@/server/core/errors";
import { HEALTH_TIMEOUT_MS } from "@/server/core/health-check";
import type { HealthCheck, HealthStatus, ServiceContext } from "@/server/core/types";
import { CalcomClient } from "@/server/integrations/calcom/client";
import { decryptSecret } from "@/server/platform/crypto";
import { env } from "@/server/platform/env";
import { guardedFetch } from "@/server/platform/outbound/guard";

const CALENDAR_SETTINGS = "API-Schlüssel unter Einstellungen → Kalender prüfen";
/** The event type list of a busy calendar fits easily. */
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export const calcomHealth: HealthCheck = {
  name: "calcom",
  label: "Cal.com",
  // Changing the connection drops the cached answer.
  tags: (companyId) => [`calcom:${companyId}`],
  run: checkCalcom,
};

async function checkCalcom(ctx: ServiceContext): Promise<HealthStatus> {
  const connection = await ctx.db.calendarConnection.findUnique({
    where: { companyId: ctx.companyId },
    select: { provider: true, baseUrl: true, apiKeyEnc: true },
  });
  if (connection?.provider !== "calcom") {
    return { status: "not_configured", message: "Der eingebaute Kalender ist aktiv; Cal.com ist nicht angebunden." };
  }
  if (!connection.apiKeyEnc) {
    return { status: "down", message: "Für Cal.com ist kein API-Schlüssel hinterlegt.", action: "API-Schlüssel unter Einstellungen → Kalender hinterlegen" };
  }
  const client = new CalcomClient({
    baseUrl: connection.baseUrl ?? env().CALCOM_API_BASE_URL,
    apiKey: decryptSecret(connection.apiKeyEnc, { companyId: ctx.companyId, column: "calendar_connections.apiKeyEnc" }),
    // The base URL is the company's choice: the request goes through the outbound guard.
    fetch: guardedFetch("calcom", MAX_RESPONSE_BYTES),
    timeoutMs: HEALTH_TIMEOUT_MS,
    // Probes have a breaker of their own: they never open the one the company's bookings go through.
    circuitScope: `health:${ctx.companyId}`,
  });
  const started = performance.now();
  try {
    const count = (await client.getEventTypes()).length;
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { status: "healthy", message: `Cal.com antwortet, der API-Schlüssel ist gültig (${count === 1 ? "1 Terminart" : `${count} Terminarten`}).`, latencyMs };
  } catch (error) {
    return calcomFailure(error);
  }
}

function calcomFailure(error: unknown): HealthStatus {
  if (!(error instanceof AppError)) throw error;
  if (error.code === ErrorCodes.CALCOM_INVALID_API_KEY) {
    return { status: "down", message: "Cal.com lehnt den API-Schlüssel ab.", action: CALENDAR_SETTINGS };
  }
  if (error.retryAfter !== undefined) {
    const message = /überlastet/.test(error.message) ? "Cal.com ist gerade überlastet." : "Cal.com ist nicht erreichbar.";
    return { status: "down", message, action: "In einigen Minuten erneut prüfen; bleibt es so, die Cal.com-Adresse unter Einstellungen → Kalender prüfen" };
  }
  return { status: "down", message: `Cal.com hat die Prüfung abgelehnt: ${error.message}`, action: "Cal.com-Adresse und API-Schlüssel unter Einstellungen → Kalender prüfen" };
}
