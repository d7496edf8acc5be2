/** The company's calendar connection: which calendar, Cal.com URL, key and webhook secret (encrypted). */
import type { z } from "zod";
import { getCache } from "@/server/platform/cache";
import { invalidateCalcomAvailability } from "@/server/calendar/calcom-provider";
import { CacheTags, companyTag } from "@/server/core/cache-keys";
import { decryptSecret, encryptSecret, maskSecret } from "@/server/platform/crypto";
import { env } from "@/server/platform/env";
import { checkOutboundUrl } from "@/server/platform/outbound/guard";
import type { ServiceContext } from "@/server/core/types";
import type * as s from "./schemas";

export async function getConnection(ctx: ServiceContext, _params: z.output<typeof s.getConnectionParams>): Promise<z.input<typeof s.getConnectionResult>> {
  return { connection: await describeConnection(ctx) };
}

export async function updateConnection(
  ctx: ServiceContext,
  params: z.output<typeof s.updateConnectionParams>,
): Promise<z.input<typeof s.updateConnectionResult>> {
  // Checked again before every request (after DNS); here so the form gets a clear answer.
  if (params.base_url) checkOutboundUrl(params.base_url, "calcom");
  const data = {
    provider: params.provider,
    ...(params.base_url !== undefined ? { baseUrl: params.base_url } : {}),
    ...(params.api_key !== undefined ? { apiKeyEnc: encryptSecret(params.api_key, { companyId: ctx.companyId, column: "calendar_connections.apiKeyEnc" }), lastTestStatus: null, lastTestedAt: null } : {}),
    ...(params.webhook_secret !== undefined ? { webhookSecretEnc: encryptSecret(params.webhook_secret, { companyId: ctx.companyId, column: "calendar_connections.webhookSecretEnc" }) } : {}),
  };
  await ctx.db.calendarConnection.upsert({ where: { companyId: ctx.companyId }, create: { companyId: ctx.companyId, ...data }, update: data });
  const cache = getCache();
  await cache.invalidateTag(`calcom:${ctx.companyId}`);
  // The cached company data (calendar/company-data.ts) names the calendar in use.
  await cache.invalidateTag(companyTag(ctx.companyId, CacheTags.company));
  await invalidateCalcomAvailability(cache, ctx.companyId);
  return { connection: await describeConnection(ctx) };
}

async function describeConnection(ctx: ServiceContext): Promise<z.input<typeof s.connectionSchema>> {
  const company = await ctx.db.company.findUniqueOrThrow({
    where: { id: ctx.companyId },
    select: { slug: true, calendarConnection: true },
  });
  const c = company.calendarConnection;
  const webhookUrl = new URL("/api/mcp/calcom/webhook", env().APP_URL);
  webhookUrl.searchParams.set("company", company.slug);
  return {
    provider: c?.provider ?? "local",
    base_url: c?.baseUrl ?? null,
    api_key: c?.apiKeyEnc ? maskSecret(decryptSecret(c.apiKeyEnc, { companyId: ctx.companyId, column: "calendar_connections.apiKeyEnc" })) : null,
    webhook_secret_set: Boolean(c?.webhookSecretEnc),
    webhook_url: webhookUrl.toString(),
    last_tested_at: c?.lastTestedAt?.toISOString() ?? null,
    last_test_status: c?.lastTestStatus ?? null,
  };
}
