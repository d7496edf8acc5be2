import { AppError, ErrorCodes } from "@/server/core/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/core/types";
import { formatGermanDate, formatGermanTime, germanWeekdayName } from "@/server/scheduling/time";
import type { AppointmentDto } from "./schemas";
import { ANY_STAFF } from "./wording";

export const appointmentInclude = {
  service: { select: { id: true, name: true, durationMinutes: true, bufferMinutes: true, calcomEventTypeId: true, branchId: true } },
  staff: { select: { name: true } },
  branch: { select: { id: true, name: true, timeZone: true, state: true, businessHours: true } },
  customer: { select: { id: true, name: true, phone: true, email: true, erasedAt: true } },
} satisfies Prisma.AppointmentInclude;

export type AppointmentRecord = Prisma.AppointmentGetPayload<{ include: typeof appointmentInclude }>;

/** Whether the appointment is still more than `cutoffHours` ahead (and not cancelled or past). */
export function canModify(a: { status: string; startsAt: Date }, now: Date, cutoffHours: number): boolean {
  return a.status === "scheduled" && a.startsAt.getTime() - now.getTime() > cutoffHours * 3_600_000;
}

export function toAppointmentDto(a: AppointmentRecord, now: Date, cutoffHours: number): AppointmentDto {
  const tz = a.branch.timeZone;
  return {
    id: a.id,
    starts_at: a.startsAt.toISOString(),
    ends_at: a.endsAt.toISOString(),
    date: formatGermanDate(a.startsAt, tz),
    time: formatGermanTime(a.startsAt, tz),
    weekday: germanWeekdayName(a.startsAt, tz),
    service: a.service.name,
    service_id: a.serviceId,
    staff: a.staff?.name ?? ANY_STAFF,
    staff_id: a.staffId,
    branch: a.branch.name,
    branch_id: a.branchId,
    customer_id: a.customerId,
    // An erased customer's appointments stay for the books, named only as erased.
    customer_name: a.customer.erasedAt ? "Kunde gelöscht" : a.customer.name,
    customer_phone: a.customer.erasedAt ? "" : a.customer.phone,
    status: a.status,
    source: a.source,
    can_modify: canModify(a, now, cutoffHours),
    notes: a.notes,
    external_uid: a.externalUid,
    rescheduled_at: a.rescheduledAt?.toISOString() ?? null,
    rescheduled_by: a.rescheduledBy,
    reschedule_reason: a.rescheduleReason,
    cancelled_at: a.cancelledAt?.toISOString() ?? null,
    cancelled_by: a.cancelledBy,
    cancellation_reason: a.cancellationReason,
    created_by: a.createdBy,
    status_changed_at: a.statusChangedAt?.toISOString() ?? null,
    status_changed_by: a.statusChangedBy,
  };
}

export const appointmentNotFound = () => new AppError(ErrorCodes.NOT_FOUND, "Der Termin wurde nicht gefunden.");

/** The appointment if it is the caller's company's; another company's answers exactly like an unknown id (3005). */
export async function loadOwnAppointment(ctx: ServiceContext, id: string): Promise<AppointmentRecord> {
  const appointment = await ctx.db.appointment.findFirst({ where: { id, companyId: ctx.companyId }, include: appointmentInclude });
  if (!appointment) throw appointmentNotFound();
  return appointment;
}

export const ACTOR_NAMES: Record<Exclude<ServiceContext["actor"]["type"], "user">, string> = {
  retell: "Telefon",
  token: "API",
  calcom: "Cal.com",
  system: "System",
};

/**
 * Who did it, as written into created_by / status_changed_by / rescheduled_by / cancelled_by:
 * a dashboard user's display name (read from the user table), else the channel
 * ("Telefon", "API", "Cal.com", "System").
 */
export async function actorName(ctx: ServiceContext): Promise<string> {
  const { type, id } = ctx.actor;
  if (type !== "user") return ACTOR_NAMES[type];
  const user = id ? await ctx.db.user.findFirst({ where: { id, companyId: ctx.companyId }, select: { name: true } }) : null;
  return user?.name ?? "Unbekannter Benutzer";
}
