/**
 * Health of the company's Stripe connection: the stored key is accepted (reading the balance
 * is the cheapest authenticated call). No key is "not configured", not a failure; a key without
 * webhook secret works but payments are never marked paid, so that is "degraded".
 */
import { HEALTH_TIMEOUT_MS } from "@/server/core/health-check";
import type { HealthCheck, HealthStatus, ServiceContext } from "@/server/core/types";
import { stripeCacheTag, stripeClientFor, stripeConfigOf } from "./settings";
import { isStripeError } from "./stripe-errors";

const SETTINGS = "Einstellungen → Zahlungen prüfen";

export const stripeHealth: HealthCheck = {
  name: "stripe",
  label: "Stripe",
  tags: (companyId) => [stripeCacheTag(companyId)],
  run: checkStripe,
};

async function checkStripe(ctx: ServiceContext): Promise<HealthStatus> {
  const config = await stripeConfigOf(ctx.db, ctx.companyId);
  if (!config) return { status: "not_configured", message: "Kein Stripe-Schlüssel hinterlegt; Anzahlungen sind aus.", action: "Schlüssel unter Einstellungen → Zahlungen hinterlegen" };
  const started = performance.now();
  try {
    await stripeClientFor(config, { timeoutMs: HEALTH_TIMEOUT_MS }).balance.retrieve();
  } catch (error) {
    if (!isStripeError(error)) throw error;
    if (error.type === "StripeAuthenticationError" || error.type === "StripePermissionError") {
      return { status: "down", message: "Stripe lehnt den geheimen Schlüssel ab.", action: SETTINGS };
    }
    return { status: "down", message: "Stripe ist nicht erreichbar.", action: "In einigen Minuten erneut prüfen" };
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  if (!config.webhookSecret) {
    return { status: "degraded", message: "Stripe antwortet, aber das Webhook-Geheimnis fehlt: Zahlungen werden nicht als bezahlt erkannt.", action: SETTINGS, latencyMs };
  }
  return { status: "healthy", message: "Stripe antwortet, der Schlüssel ist gültig.", latencyMs };
}
