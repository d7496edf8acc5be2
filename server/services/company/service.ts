import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import type * as s from "./schemas";
import { parseCompanySettings, type CompanySettings } from "@/server/calendar/company-settings";

async function loadCompany(ctx: ServiceContext) {
  const company = await ctx.db.company.findUnique({
    where: { id: ctx.companyId },
    select: { id: true, slug: true, name: true, timeZone: true, settings: true },
  });
  if (!company) throw new AppError(ErrorCodes.COMPANY_NOT_FOUND, "Die Firma wurde nicht gefunden.");
  return company;
}

/** The settings of the caller's company, defaults filled in (for other servers). */
export async function getCompanySettings(ctx: Pick<ServiceContext, "db" | "companyId">): Promise<CompanySettings> {
  const company = await ctx.db.company.findUnique({ where: { id: ctx.companyId }, select: { settings: true } });
  if (!company) throw new AppError(ErrorCodes.COMPANY_NOT_FOUND, "Die Firma wurde nicht gefunden.");
  return parseCompanySettings(company.settings);
}

export async function getCompany(ctx: ServiceContext): Promise<z.input<typeof s.getResult>> {
  const c = await loadCompany(ctx);
  return { id: c.id, slug: c.slug, name: c.name, time_zone: c.timeZone, settings: parseCompanySettings(c.settings) };
}

export async function getSettings(ctx: ServiceContext): Promise<z.input<typeof s.getSettingsResult>> {
  return { settings: await getCompanySettings(ctx) };
}

export async function updateSettings(
  ctx: ServiceContext,
  params: z.output<typeof s.updateSettingsParams>,
): Promise<z.input<typeof s.updateSettingsResult>> {
  return ctx.db.$transaction(async (tx) => {
    const company = await tx.company.findUnique({ where: { id: ctx.companyId }, select: { settings: true } });
    if (!company) throw new AppError(ErrorCodes.COMPANY_NOT_FOUND, "Die Firma wurde nicht gefunden.");
    const settings: CompanySettings = { ...parseCompanySettings(company.settings), ...params.settings };
    await tx.company.update({ where: { id: ctx.companyId }, data: { settings } });
    return { settings };
  });
}

export async function updateCompany(ctx: ServiceContext, params: z.output<typeof s.updateParams>): Promise<z.input<typeof s.updateResult>> {
  await ctx.db.company.update({ where: { id: ctx.companyId }, data: { name: params.name } });
  return getCompany(ctx);
}
