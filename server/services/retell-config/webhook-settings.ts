/** Webhook part of retell.config: the address, the events, the signing key and the webhook test. */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { maskSecret } from "@/server/platform/crypto";
import { configuredAppUrl } from "@/server/platform/env";
import { AppError, ErrorCodes, isAppError } from "@/server/core/errors";
import { RETELL_SIGNATURE_HEADER, signRetell } from "@/server/integrations/retell/signature";
import { retellApiKeyOf, retellClientFor } from "@/server/services/retell/client-for-company";
import type { ServiceContext } from "@/server/core/types";
import { appUrl, companyAgentIds } from "./company-agents";
import { publicAddressProblem } from "./public-address";
import {
  CUSTOM_FUNCTION_PATH,
  DEFAULT_WEBHOOK_EVENTS,
  WEBHOOK_EVENTS,
  WEBHOOK_PATH,
  type testWebhookResult,
  type updateWebhookSettingsParams,
  type updateWebhookSettingsResult,
  type webhookConfigurationResult,
} from "./schemas";

const TEST_TIMEOUT_MS = 5000;

export async function getWebhookConfiguration(ctx: ServiceContext): Promise<z.input<typeof webhookConfigurationResult>> {
  const [config, apiKey] = await Promise.all([
    ctx.db.retellConfiguration.findUnique({ where: { companyId: ctx.companyId } }),
    retellApiKeyOf(ctx),
  ]);
  const events = Array.isArray(config?.webhookEvents) ? (config.webhookEvents as string[]) : [...DEFAULT_WEBHOOK_EVENTS];
  return {
    webhook_url: appUrl(WEBHOOK_PATH),
    webhook_address_warning: publicAddressProblem(configuredAppUrl()),
    custom_function_url: appUrl(CUSTOM_FUNCTION_PATH),
    webhook_secret: maskSecret(apiKey),
    signature_header: RETELL_SIGNATURE_HEADER,
    connected: apiKey !== null,
    configured_events: events,
    available_events: [...WEBHOOK_EVENTS],
    custom_headers: {},
    last_tested_at: config?.lastTestedAt?.toISOString() ?? null,
    test_status: config?.testStatus ?? null,
    last_test_status_code: config?.lastTestStatusCode ?? null,
    last_test_duration_ms: config?.lastTestDurationMs ?? null,
  };
}

/** Stores the events and points the company's Retell agents at our webhook with them. */
export async function updateWebhookSettings(
  ctx: ServiceContext,
  params: z.output<typeof updateWebhookSettingsParams>,
): Promise<z.input<typeof updateWebhookSettingsResult>> {
  const webhookUrl = appUrl(WEBHOOK_PATH);
  const data = { webhookEvents: params.events, webhookUrl, lastUpdatedById: ctx.actor.type === "user" ? ctx.actor.id : null };
  await ctx.db.retellConfiguration.upsert({ where: { companyId: ctx.companyId }, create: { companyId: ctx.companyId, ...data }, update: data });

  const pushed: string[] = [];
  let pushError: string | undefined;
  if ((await retellApiKeyOf(ctx)) !== null) {
    try {
      const client = await retellClientFor(ctx);
      for (const agentId of await companyAgentIds(ctx)) {
        await client.updateAgentWebhook(agentId, { webhook_url: webhookUrl, webhook_events: params.events });
        pushed.push(agentId);
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      pushError = error.message;
    }
  }
  return {
    success: pushError === undefined,
    configuration: await getWebhookConfiguration(ctx),
    pushed_agents: pushed,
    ...(pushError ? { push_error: pushError } : {}),
    test_available: true,
  };
}

/** Sends a signed `test` event to our own webhook URL and records how it went. */
export async function testWebhook(ctx: ServiceContext): Promise<z.input<typeof testWebhookResult>> {
  const apiKey = await retellApiKeyOf(ctx);
  if (!apiKey) throw new AppError(ErrorCodes.RETELL_INVALID_API_KEY, "Retell ist nicht verbunden: ohne API-Schlüssel lässt sich kein signierter Test senden.");
  const number = await ctx.db.phoneNumber.findFirst({
    where: { companyId: ctx.companyId, isActive: true },
    orderBy: { createdAt: "asc" },
    select: { number: true },
  });
  if (!number) throw new AppError(ErrorCodes.RETELL_PHONE_NOT_CONFIGURED, "Für den Test wird eine eingerichtete Rufnummer benötigt.");

  const now = ctx.now();
  const payload = {
    event: "test",
    test_id: randomUUID(),
    timestamp: now.toISOString(),
    call: { call_id: `test_${randomUUID().replace(/-/g, "").slice(0, 12)}`, from_number: "+49123456789", to_number: number.number },
  };
  const body = JSON.stringify(payload);
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | undefined;
  try {
    const response = await fetch(appUrl(WEBHOOK_PATH), {
      method: "POST",
      headers: { "content-type": "application/json", [RETELL_SIGNATURE_HEADER]: signRetell(body, apiKey, Date.now()) },
      body,
      signal: AbortSignal.timeout(TEST_TIMEOUT_MS),
    });
    statusCode = response.status;
    await response.arrayBuffer();
    if (!response.ok) error = `Der Webhook antwortete mit Status ${response.status}.`;
  } catch {
    error = "Der Webhook war nicht erreichbar.";
  }
  const responseTimeMs = Math.round(performance.now() - started);
  const success = error === undefined;
  const result = {
    testStatus: success ? ("success" as const) : ("failed" as const),
    lastTestedAt: now,
    lastTestStatusCode: statusCode,
    lastTestDurationMs: responseTimeMs,
  };
  await ctx.db.retellConfiguration.upsert({ where: { companyId: ctx.companyId }, create: { companyId: ctx.companyId, ...result }, update: result });
  return { success, status_code: statusCode, response_time_ms: responseTimeMs, ...(error ? { error } : {}), test_payload: payload };
}
