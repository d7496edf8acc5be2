/**
 * Loads what the slot engine needs for one branch, service and range of days. Only
 * appointments and absences that touch the searched window are read (indexes on
 * (branchId, startsAt) and (staffId, startsAt)), so the cost follows the window, not the history.
 */
import type { PrismaClient } from "@/server/generated/prisma/client";
import { isGermanState } from "@/server/scheduling/holidays";
import { addDaysLocal, type LocalDate } from "@/server/scheduling/local-date";
import type { SlotSearchInput } from "@/server/scheduling/slot-types";
import { zonedDateTimeToInstant } from "@/server/scheduling/time";
import type { CompanySettings } from "@/server/calendar/company-settings";
import type { BranchRef, ServiceRef, Tx } from "./provider";
import { parseBusinessHours, parseWorkingHours } from "./schedules";

/** No appointment runs longer than this; it bounds how far before the window one may start. */
const LONGEST_APPOINTMENT_MS = 24 * 60 * 60_000;

interface StaffRow {
  id: string;
  name: string;
  workingHours: unknown;
  absences: Array<{ start: string; end: string }>;
}

export interface SlotDataRequest {
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

  const [staff, busy] = await Promise.all([
    // One statement for staff and their absences (Prisma would need a second query for the relation).
    db.$queryRaw<StaffRow[]>`
      SELECT s.id, s.name, s."workingHours",
             COALESCE((SELECT json_agg(json_build_object('start', a."startsAt", 'end', a."endsAt"))
                         FROM staff_absences a
                        WHERE a."staffId" = s.id AND a."startsAt" < ${windowEnd} AND a."endsAt" > ${windowStart}), '[]'::json) AS absences
        FROM staff s
       WHERE s."branchId" = ${branch.id} AND s."isActive"
         AND EXISTS (SELECT 1 FROM staff_services ss WHERE ss."staffId" = s.id AND ss."serviceId" = ${service.id})
       ORDER BY s."createdAt", s.id`,
    db.appointment.findMany({
      where: {
        branchId: branch.id,
        status: "scheduled",
        startsAt: { gte: new Date(windowStart.getTime() - LONGEST_APPOINTMENT_MS), lt: windowEnd },
        ...(request.excludeAppointmentId ? { id: { not: request.excludeAppointmentId } } : {}),
      },
      select: { staffId: true, startsAt: true, endsAt: true, bufferMinutes: true },
    }),
  ]);

  return {
    tz: branch.timeZone,
    holidayState: branch.state && isGermanState(branch.state) ? branch.state : undefined,
    businessHours: parseBusinessHours(branch.businessHours),
    staff: staff.map((s) => ({
      id: s.id,
      name: s.name,
      workingHours: parseWorkingHours(s.workingHours),
      absences: s.absences.map((a) => ({ start: new Date(a.start), end: new Date(a.end) })),
    })),
    service: { durationMinutes: service.durationMinutes, bufferMinutes: service.bufferMinutes },
    busy: busy.map((a) => ({ staffId: a.staffId, start: a.startsAt, end: a.endsAt, bufferAfterMinutes: a.bufferMinutes })),
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
