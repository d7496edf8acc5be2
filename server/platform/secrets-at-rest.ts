/**
 * Rewrites secrets stored in the legacy format (no associated data) into the current one,
 * bound to their company and column. Runs at start-up; values already current are left as
 * they are, so it is safe to run any number of times.
 */
import { decryptSecret, encryptSecret, isLegacySecret, type SecretColumn } from "@/server/platform/crypto";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { logger } from "@/server/platform/logger";

const rebind = (sealed: string, companyId: string | null, column: SecretColumn, hexKey?: string) =>
  encryptSecret(decryptSecret(sealed, undefined, hexKey), { companyId, column }, hexKey);

/** Number of values rewritten. */
export async function reencryptLegacySecrets(db: PrismaClient, hexKey?: string): Promise<number> {
  let rewritten = 0;
  const companies = await db.company.findMany({ where: { retellApiKeyEnc: { startsWith: "v1." } }, select: { id: true, retellApiKeyEnc: true } });
  for (const c of companies) {
    await db.company.update({ where: { id: c.id }, data: { retellApiKeyEnc: rebind(c.retellApiKeyEnc!, c.id, "companies.retellApiKeyEnc", hexKey) } });
    rewritten++;
  }
  const connections = await db.calendarConnection.findMany({
    where: { OR: [{ apiKeyEnc: { startsWith: "v1." } }, { webhookSecretEnc: { startsWith: "v1." } }] },
    select: { companyId: true, apiKeyEnc: true, webhookSecretEnc: true },
  });
  for (const c of connections) {
    const data: Prisma.CalendarConnectionUpdateInput = {};
    if (c.apiKeyEnc && isLegacySecret(c.apiKeyEnc)) data.apiKeyEnc = rebind(c.apiKeyEnc, c.companyId, "calendar_connections.apiKeyEnc", hexKey);
    if (c.webhookSecretEnc && isLegacySecret(c.webhookSecretEnc)) {
      data.webhookSecretEnc = rebind(c.webhookSecretEnc, c.companyId, "calendar_connections.webhookSecretEnc", hexKey);
    }
    await db.calendarConnection.update({ where: { companyId: c.companyId }, data });
    rewritten += Object.keys(data).length;
  }
  const messaging = await db.messagingSettings.findMany({ where: { smsCredentialsEnc: { startsWith: "v1." } }, select: { companyId: true, smsCredentialsEnc: true } });
  for (const m of messaging) {
    await db.messagingSettings.update({
      where: { companyId: m.companyId },
      data: { smsCredentialsEnc: rebind(m.smsCredentialsEnc!, m.companyId, "messaging_settings.smsCredentialsEnc", hexKey) },
    });
    rewritten++;
  }
  const functions = await db.retellCustomFunction.findMany({ select: { id: true, companyId: true, headers: true } });
  for (const fn of functions) {
    const headers = (fn.headers && typeof fn.headers === "object" && !Array.isArray(fn.headers) ? fn.headers : {}) as Record<string, unknown>;
    const legacy = Object.entries(headers).filter((e): e is [string, string] => typeof e[1] === "string" && isLegacySecret(e[1]));
    if (legacy.length === 0) continue;
    const next = { ...headers, ...Object.fromEntries(legacy.map(([name, v]) => [name, rebind(v, fn.companyId, "retell_custom_functions.headers", hexKey)])) };
    await db.retellCustomFunction.update({ where: { id: fn.id }, data: { headers: next as Prisma.InputJsonValue } });
    rewritten += legacy.length;
  }
  return rewritten;
}

/** Start-up hook: a failure is logged and the app starts anyway (the old format stays readable). */
export async function reencryptLegacySecretsAtStartup(db: PrismaClient): Promise<void> {
  try {
    const rewritten = await reencryptLegacySecrets(db);
    if (rewritten > 0) logger.info({ rewritten }, "secrets re-encrypted with company and column binding");
  } catch (err) {
    logger.error({ err }, "re-encrypting stored secrets failed; the old format stays readable");
  }
}
