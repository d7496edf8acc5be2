import { getCache } from "@/server/platform/cache";
import { decryptSecret } from "@/server/platform/crypto";
import { env } from "@/server/platform/env";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { CalcomClient } from "@/server/integrations/calcom/client";
import type { Logger } from "@/server/platform/logger";
import type { CompanySettings } from "@/server/calendar/company-settings";
import { companyData } from "./company-data";
import { guardedFetch } from "@/server/platform/outbound/guard";
import { CalcomCalendarProvider } from "./calcom-provider";
import { LocalCalendarProvider } from "./local-provider";
import type { CalendarProvider } from "./provider";

/** Event types and slots of a busy calendar fit easily; anything larger is refused. */
const CALCOM_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/** The parts of a service context a provider needs (a ServiceContext fits). */
export interface ProviderContext {
  companyId: string;
  db: PrismaClient;
  now: () => Date;
  log: Logger;
}

export interface CompanyCalendar {
  provider: CalendarProvider;
  company: { name: string; settings: CompanySettings };
}

/**
 * The company's calendar together with its name and settings: from the cached company data
 * (company-data.ts); only a Cal.com company costs a query, for its connection's URL and key.
 */
export async function loadCompanyCalendar(ctx: ProviderContext): Promise<CompanyCalendar> {
  const data = await companyData(ctx.db, ctx.companyId);
  if (!data) throw new AppError(ErrorCodes.COMPANY_NOT_FOUND, "Das Unternehmen wurde nicht gefunden.");
  const { settings } = data;
  const base = { db: ctx.db, companyId: ctx.companyId, settings, now: ctx.now };
  const info = { name: data.name, settings };
  if (data.calendar !== "calcom") return { provider: new LocalCalendarProvider(base), company: info };
  const row = await ctx.db.calendarConnection.findUnique({ where: { companyId: ctx.companyId }, select: { provider: true, baseUrl: true, apiKeyEnc: true } });
  // Switched back to the built-in calendar a moment ago (on another instance): the row decides.
  if (row?.provider !== "calcom") return { provider: new LocalCalendarProvider(base), company: info };
  if (!row.apiKeyEnc) {
    throw new AppError(ErrorCodes.CALCOM_INVALID_API_KEY, "Für Cal.com ist noch kein API-Schlüssel hinterlegt.");
  }
  const client = new CalcomClient({
    baseUrl: row.baseUrl ?? env().CALCOM_API_BASE_URL,
    apiKey: decryptSecret(row.apiKeyEnc, { companyId: ctx.companyId, column: "calendar_connections.apiKeyEnc" }),
    // The base URL is the company's choice: requests go through the outbound guard.
    fetch: guardedFetch("calcom", CALCOM_MAX_RESPONSE_BYTES),
    circuitScope: ctx.companyId,
  });
  return { provider: new CalcomCalendarProvider({ ...base, client, cache: getCache(), log: ctx.log }), company: info };
}
