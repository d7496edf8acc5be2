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
import type { CompanySettings } from "@/server/mcp/company/settings";
import type { BranchRef, ServiceRef, Tx } from "./provider";
import { parseBusinessHours, parseWorkingHours } from "./schedules";

/** No appointment runs longer than this; it bounds how far before the window one may start. */
const LONGEST_APPOINTMENT_MS = 24 * 60 * 60_000;

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
    db.staff.findMany({
      where: { branchId: branch.id, isActive: true, services: { some: { serviceId: service.id } } },
      select: {
        id: true,
        name: true,
        workingHours: true,
        absences: {
          where: { startsAt: { lt: windowEnd }, endsAt: { gt: windowStart } },
          select: { startsAt: true, endsAt: true },
        },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
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
      absences: s.absences.map((a) => ({ start: a.startsAt, end: a.endsAt })),
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
