/**
 * Turns the ids and names in a request into the company's own rows, refusing anything that
 * belongs to another company, and the requested day and time into an instant.
 */
import type { BranchRef, ServiceRef } from "@/server/calendar/provider";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { isValidLocalDate } from "@/server/scheduling/local-date";
import { zonedDateTimeToInstant } from "@/server/scheduling/time";

const branchSelect = { id: true, name: true, timeZone: true, state: true, businessHours: true } as const;
const serviceSelect = { id: true, name: true, durationMinutes: true, bufferMinutes: true, calcomEventTypeId: true, branchId: true } as const;

export type ResolvedService = ServiceRef & { branchId: string | null };

export async function resolveService(
  ctx: ServiceContext,
  ref: { service_id?: string; service_name?: string },
): Promise<ResolvedService> {
  const where = ref.service_id
    ? { id: ref.service_id, companyId: ctx.companyId, isActive: true }
    : { name: { equals: ref.service_name ?? "", mode: "insensitive" as const }, companyId: ctx.companyId, isActive: true };
  const service = await ctx.db.service.findFirst({ where, select: serviceSelect });
  if (!service) {
    const offered = await ctx.db.service.findMany({ where: { companyId: ctx.companyId, isActive: true }, select: { name: true }, orderBy: { name: "asc" } });
    throw new AppError(ErrorCodes.SERVICE_NOT_MAPPED, "Diese Leistung bieten wir leider nicht an.", {
      details: { offered: offered.map((s) => s.name) },
    });
  }
  return service;
}

/** The named branch, else the service's own branch, else the company's only branch. */
export async function resolveBranch(ctx: ServiceContext, branchId: string | undefined, service?: ResolvedService): Promise<BranchRef> {
  const id = branchId ?? service?.branchId ?? undefined;
  if (id) {
    const branch = await ctx.db.branch.findFirst({ where: { id, companyId: ctx.companyId, isActive: true }, select: branchSelect });
    if (!branch) throw new AppError(ErrorCodes.BRANCH_NOT_RESOLVED, "Die Filiale wurde nicht gefunden.");
    if (service?.branchId && service.branchId !== branch.id) {
      throw new AppError(ErrorCodes.SERVICE_NOT_MAPPED, `„${service.name}“ wird in ${branch.name} nicht angeboten.`);
    }
    return branch;
  }
  const branches = await ctx.db.branch.findMany({ where: { companyId: ctx.companyId, isActive: true }, select: branchSelect, take: 2 });
  if (branches.length !== 1) {
    throw new AppError(ErrorCodes.BRANCH_NOT_RESOLVED, "In welcher Filiale möchten Sie den Termin?");
  }
  return branches[0];
}

/** Checks that the staff member works in the branch and offers the service. */
export async function resolveStaff(ctx: ServiceContext, staffId: string, branch: BranchRef, service: ServiceRef): Promise<string> {
  const staff = await ctx.db.staff.findFirst({
    where: { id: staffId, companyId: ctx.companyId, isActive: true },
    select: { id: true, name: true, branchId: true, services: { where: { serviceId: service.id }, select: { serviceId: true } } },
  });
  if (!staff) throw new AppError(ErrorCodes.NOT_FOUND, "Die Mitarbeiterin oder der Mitarbeiter wurde nicht gefunden.");
  if (staff.branchId !== branch.id) throw new AppError(ErrorCodes.INVALID_INPUT, `${staff.name} arbeitet nicht in ${branch.name}.`);
  if (staff.services.length === 0) throw new AppError(ErrorCodes.INVALID_INPUT, `${staff.name} bietet „${service.name}“ nicht an.`);
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
