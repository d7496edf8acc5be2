/** The Retell REST client of the calling company, with its stored (encrypted) API key. */
import { getCache } from "@/server/platform/cache";
import { decryptSecret } from "@/server/platform/crypto";
import { env } from "@/server/platform/env";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { RetellClient } from "@/server/integrations/retell/client";
import type { ServiceContext } from "@/server/core/types";

export const NOT_CONNECTED_MESSAGE = "Retell ist nicht verbunden. Bitte hinterlegen Sie zuerst den Retell-API-Schlüssel.";

export async function retellApiKeyOf(ctx: ServiceContext): Promise<string | null> {
  const company = await ctx.db.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { retellApiKeyEnc: true } });
  return company.retellApiKeyEnc ? decryptSecret(company.retellApiKeyEnc, { companyId: ctx.companyId, column: "companies.retellApiKeyEnc" }) : null;
}

/** @throws AppError 1001 when the company has no Retell key. */
export async function retellClientFor(ctx: ServiceContext): Promise<RetellClient> {
  const apiKey = await retellApiKeyOf(ctx);
  if (!apiKey) throw new AppError(ErrorCodes.RETELL_INVALID_API_KEY, NOT_CONNECTED_MESSAGE);
  return new RetellClient({ apiKey, baseUrl: env().RETELL_API_BASE_URL, circuitScope: ctx.companyId });
}

/** Cache tag of everything read from the company's Retell workspace. */
export const retellCacheTag = (companyId: string) => `retell:${companyId}`;

/** Drops cached Retell reads of the company (after writes and key changes). */
export function forgetRetellReads(companyId: string): Promise<void> {
  return getCache().invalidateTag(retellCacheTag(companyId));
}
