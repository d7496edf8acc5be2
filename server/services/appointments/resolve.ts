/**
 * Turns the ids and names in a request into the company's own rows, refusing anything that
 * belongs to another company, and the requested day and time into an instant.
 */
import { companyData, type CompanyData } from "@/server/calendar/company-data";
import type { BranchRef, ServiceRef } from "@/server/calendar/provider";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { isValidLocalDate } from "@/server/scheduling/local-date";
import { zonedDateTimeToInstant } from "@/server/scheduling/time";

/** A service's deposit rule: price, fixed deposit or percentage (services/stripe decides the amount). */
export interface DepositRule {
  priceCents: number | null;
  depositCents: number | null;
  depositPercent: number | null;
}

/** `deposit` is known when the service came from the company's master data. */
export type ResolvedService = ServiceRef & { branchId: string | null; deposit?: DepositRule };

/** The company's active branches, services and staff (cached, see calendar/company-data.ts). */
export async function masterData(ctx: ServiceContext): Promise<CompanyData> {
  const data = await companyData(ctx.db, ctx.companyId);
  if (!data) throw new AppError(ErrorCodes.COMPANY_NOT_FOUND, "Das Unternehmen wurde nicht gefunden.");
  return data;
}

export async function resolveService(
  ctx: ServiceContext,
  ref: { service_id?: string; service_name?: string },
): Promise<ResolvedService> {
  const { services } = await masterData(ctx);
  const wanted = (ref.service_name ?? "").toLowerCase();
  const service = ref.service_id ? services.find((s) => s.id === ref.service_id) : services.find((s) => s.name.toLowerCase() === wanted);
  if (!service) {
    throw new AppError(ErrorCodes.SERVICE_NOT_MAPPED, "Diese Leistung bieten wir leider nicht an.", {
      details: { offered: services.map((s) => s.name) },
    });
  }
  const { id, name, durationMinutes, bufferMinutes, calcomEventTypeId, branchId, priceCents, depositCents, depositPercent } = service;
  return { id, name, durationMinutes, bufferMinutes, calcomEventTypeId, branchId, deposit: { priceCents, depositCents, depositPercent } };
}

/** The named branch, else the service's own branch, else the company's only branch. */
export async function resolveBranch(ctx: ServiceContext, branchId: string | undefined, service?: ResolvedService): Promise<BranchRef> {
  const { branches } = await masterData(ctx);
  const id = branchId ?? service?.branchId ?? undefined;
  if (id) {
    const branch = branches.find((b) => b.id === id);
    if (!branch) throw new AppError(ErrorCodes.BRANCH_NOT_RESOLVED, "Die Filiale wurde nicht gefunden.");
    if (service?.branchId && service.branchId !== branch.id) {
      throw new AppError(ErrorCodes.SERVICE_NOT_MAPPED, `„${service.name}“ wird in ${branch.name} nicht angeboten.`);
    }
    return branch;
  }
  if (branches.length !== 1) {
    throw new AppError(ErrorCodes.BRANCH_NOT_RESOLVED, "In welcher Filiale möchten Sie den Termin?");
  }
  return branches[0];
}

/** The branch as the phone path sees it (with its special days), else the given row (a deactivated branch). */
export async function currentBranch(ctx: ServiceContext, branch: BranchRef): Promise<BranchRef> {
  return (await masterData(ctx)).branches.find((b) => b.id === branch.id) ?? branch;
}

/** Checks that the staff member works in the branch and offers the service. */
export async function resolveStaff(ctx: ServiceContext, staffId: string, branch: BranchRef, service: ServiceRef): Promise<string> {
  const staff = (await masterData(ctx)).staff.find((s) => s.id === staffId);
  if (!staff) throw new AppError(ErrorCodes.NOT_FOUND, "Die Mitarbeiterin oder der Mitarbeiter wurde nicht gefunden.");
  if (staff.branchId !== branch.id) throw new AppError(ErrorCodes.INVALID_INPUT, `${staff.name} arbeitet nicht in ${branch.name}.`);
  if (!staff.serviceIds.includes(service.id)) throw new AppError(ErrorCodes.INVALID_INPUT, `${staff.name} bietet „${service.name}“ nicht an.`);
  return staff.id;
}

/** The instant of a local day and time in the branch zone; refuses impossible dates and the past. */
export function requestedStart(branch: BranchRef, date: string, time: string, now: Date): Date {
  if (!isValidLocalDate(date)) throw new AppError(ErrorCodes.INVALID_DATE, "Dieses Datum gibt es nicht.", { details: { date } });
  const start = zonedDateTimeToInstant(date, time, branch.timeZone);
  if (start.getTime() <= now.getTime()) {
    throw new AppError(ErrorCodes.DATE_IN_PAST, "Dieser Zeitpunkt liegt in der Vergangenheit.", { details: { date, time } });
  }
  return start;
}

/** Refuses an impossible day (for questions about a whole day). */
export function requireDate(date: string): string {
  if (!isValidLocalDate(date)) throw new AppError(ErrorCodes.INVALID_DATE, "Dieses Datum gibt es nicht.", { details: { date } });
  return date;
}
