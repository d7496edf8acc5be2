/**
 * Loads what the slot engine needs for one branch, service and range of days: the staff and
 * hours from the company's cached master data (company-data.ts), and with one statement the
 * appointments and absences that touch the searched window (indexes on (branchId, startsAt)
 * and (staffId, startsAt)), so the cost follows the window, not the history.
 */
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { isGermanState } from "@/server/scheduling/holidays";
import { addDaysLocal, type LocalDate } from "@/server/scheduling/local-date";
import type { BusyAppointment, InstantRange, SlotSearchInput } from "@/server/scheduling/slot-types";
import { zonedDateTimeToInstant } from "@/server/scheduling/time";
import type { CompanySettings } from "@/server/calendar/company-settings";
import { companyData } from "./company-data";
import type { BranchRef, ServiceRef, Tx } from "./provider";
import { parseBusinessHours, parseWorkingHours } from "./schedules";

/** No appointment runs longer than this; it bounds how far before the window one may start. */
const LONGEST_APPOINTMENT_MS = 24 * 60 * 60_000;

/** An appointment (absence = false) or an absence of a staff member of the branch. */
interface BusyRow {
  staffId: string | null;
  startsAt: Date | string;
  endsAt: Date | string;
  bufferMinutes: number;
  absence: boolean;
}

export interface SlotDataRequest {
  companyId: string;
  branch: BranchRef;
  service: ServiceRef;
  settings: CompanySettings;
  now: Date;
  from: LocalDate;
  to: LocalDate;
  staffId?: string;
  excludeAppointmentId?: string;
}

export async function loadSlotInput(db: PrismaClient | Tx, request: SlotDataRequest): Promise<SlotSearchInput> {
  const { branch, service, settings } = request;
  const windowStart = zonedDateTimeToInstant(request.from, "00:00", branch.timeZone);
  const windowEnd = new Date(
    zonedDateTimeToInstant(addDaysLocal(request.to, 1), "00:00", branch.timeZone).getTime() +
      (service.durationMinutes + service.bufferMinutes) * 60_000,
  );

  const [data, rows] = await Promise.all([
    companyData(db, request.companyId),
    busyInWindow(db, branch.id, windowStart, windowEnd, request.excludeAppointmentId ?? null),
  ]);
  if (!data) throw new AppError(ErrorCodes.COMPANY_NOT_FOUND, "Das Unternehmen wurde nicht gefunden.");
  const staff = data.staff.filter((s) => s.branchId === branch.id && s.serviceIds.includes(service.id));
  const absences = new Map<string, InstantRange[]>();
  const busy: BusyAppointment[] = [];
  for (const row of rows) {
    const start = new Date(row.startsAt);
    const end = new Date(row.endsAt);
    if (!row.absence) {
      busy.push({ staffId: row.staffId, start, end, bufferAfterMinutes: row.bufferMinutes });
    } else if (row.staffId) {
      const list = absences.get(row.staffId) ?? [];
      list.push({ start, end });
      absences.set(row.staffId, list);
    }
  }

  return {
    tz: branch.timeZone,
    holidayState: branch.state && isGermanState(branch.state) ? branch.state : undefined,
    businessHours: parseBusinessHours(branch.businessHours),
    // The cached branch carries its coming special days; a branch read from an appointment row does not.
    specialDays: data.branches.find((b) => b.id === branch.id)?.specialDays ?? branch.specialDays ?? [],
    staff: staff.map((s) => ({
      id: s.id,
      name: s.name,
      workingHours: parseWorkingHours(s.workingHours),
      absences: absences.get(s.id) ?? [],
    })),
    service: { durationMinutes: service.durationMinutes, bufferMinutes: service.bufferMinutes },
    busy,
    rules: {
      slotIntervalMinutes: settings.slotIntervalMinutes,
      minimumNoticeMinutes: settings.minimumNoticeMinutes,
      bookingWindowDays: settings.bookingWindowDays,
    },
    now: request.now,
    range: { from: request.from, to: request.to },
    preferredStaffId: request.staffId,
  };
}

/**
 * The branch's scheduled appointments and its staff's absences that touch the window, in one
 * statement (the hottest read of the phone path: every availability answer and every booking's
 * check under the branch lock). Raw SQL because the client would otherwise compile two queries
 * on every call.
 */
function busyInWindow(db: PrismaClient | Tx, branchId: string, windowStart: Date, windowEnd: Date, excludeId: string | null): Promise<BusyRow[]> {
  const earliestStart = new Date(windowStart.getTime() - LONGEST_APPOINTMENT_MS);
  return db.$queryRaw<BusyRow[]>`
    SELECT a."staffId", a."startsAt", a."endsAt", a."bufferMinutes", false AS absence
      FROM appointments a
     WHERE a."branchId" = ${branchId} AND a.status = 'scheduled'
       AND a."startsAt" >= ${earliestStart} AND a."startsAt" < ${windowEnd}
       AND (${excludeId}::text IS NULL OR a.id <> ${excludeId}::text)
    UNION ALL
    SELECT x."staffId", x."startsAt", x."endsAt", 0, true
      FROM staff_absences x JOIN staff s ON s.id = x."staffId"
     WHERE s."branchId" = ${branchId} AND x."startsAt" < ${windowEnd} AND x."endsAt" > ${windowStart}`;
}
