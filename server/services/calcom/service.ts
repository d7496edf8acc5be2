/**
 * The calendar server: event types, availability and bookings of the company's calendar
 * (Cal.com or the built-in one). Bookings go through the appointments service, so a booking
 * made here is stored, confirmed and guarded exactly like one made by phone.
 */
import type { z } from "zod";
import type { BranchRef, CalendarProvider } from "@/server/calendar/provider";
import { loadCompanyCalendar } from "@/server/calendar/provider-for-company";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { bookAppointment, cancelAppointment, changeAppointment } from "@/server/services/appointments/service";
import { requireDate, resolveBranch, resolveService, type ResolvedService } from "@/server/services/appointments/resolve";
import type { AppointmentDto } from "@/server/services/appointments/schemas";
import type { ServiceContext } from "@/server/core/types";
import { diffLocalDays } from "@/server/scheduling/local-date";
import { instantToLocal } from "@/server/scheduling/time";
import type * as s from "./schemas";

const MAX_RANGE_DAYS = 31;

type EventTypeRef = { event_type_id?: number | string; service_id?: string; service_name?: string; branch_id?: string };

export async function getEventTypes(ctx: ServiceContext, _params: z.output<typeof s.getEventTypesParams>): Promise<z.input<typeof s.getEventTypesResult>> {
  const { provider } = await loadCompanyCalendar(ctx);
  const eventTypes = await provider.listEventTypes();
  return {
    provider: provider.kind,
    event_types: eventTypes.map((e) => ({ id: e.id, title: e.title, length_in_minutes: e.durationMinutes, service_id: e.serviceId })),
  };
}

export async function checkCalendarAvailability(
  ctx: ServiceContext,
  params: z.output<typeof s.checkAvailabilityParams>,
): Promise<z.input<typeof s.checkAvailabilityResult>> {
  const days = diffLocalDays(requireDate(params.date_from), requireDate(params.date_to));
  if (days < 0 || days >= MAX_RANGE_DAYS) {
    throw new AppError(ErrorCodes.INVALID_DATE, `Der Zeitraum muss zwischen 1 und ${MAX_RANGE_DAYS} Tagen lang sein.`);
  }
  const { provider } = await loadCompanyCalendar(ctx);
  const service = await serviceForEventType(ctx, provider, params);
  const branch = await branchFor(ctx, provider, params.branch_id, service, params.timezone);
  const slots = await provider.availability({ branch, service, from: params.date_from, to: params.date_to, staffId: params.staff_id });
  return {
    provider: provider.kind,
    timezone: branch.timeZone,
    available_slots: slots.map((slot) => ({ start: slot.start.toISOString(), end: slot.end.toISOString(), staff_ids: slot.staffIds })),
  };
}

export async function createBooking(ctx: ServiceContext, params: z.output<typeof s.createBookingParams>): Promise<z.input<typeof s.createBookingResult>> {
  const { provider } = await loadCompanyCalendar(ctx);
  const service = await serviceForEventType(ctx, provider, params);
  if (!service.id) {
    throw new AppError(ErrorCodes.SERVICE_NOT_MAPPED, "Diese Cal.com-Terminart ist keiner Leistung zugeordnet.", {
      details: { event_type_id: params.event_type_id },
    });
  }
  const branch = await resolveBranch(ctx, params.branch_id, service);
  const local = instantToLocal(new Date(params.start), branch.timeZone);
  const booked = await bookAppointment(ctx, {
    branch_id: branch.id,
    service_id: service.id,
    date: local.date,
    time: local.time,
    staff_id: params.staff_id,
    customer_name: params.attendee.name,
    customer_phone: params.attendee.phone,
    customer_email: params.attendee.email,
    notes: params.notes,
    idempotency_key: params.idempotency_key,
  });
  return { booking: bookingOf(booked.appointment), already_booked: booked.already_booked, appointment: booked.appointment, message: booked.message };
}

export async function updateBooking(ctx: ServiceContext, params: z.output<typeof s.updateBookingParams>): Promise<z.input<typeof s.updateBookingResult>> {
  const appointment = await appointmentFor(ctx, params);
  const local = instantToLocal(new Date(params.start), appointment.branch.timeZone);
  const changed = await changeAppointment(ctx, {
    appointment_id: appointment.id,
    new_date: local.date,
    new_time: local.time,
    reason: params.reschedule_reason,
  });
  return { booking: bookingOf(changed.appointment), appointment: changed.appointment, message: changed.message };
}

export async function cancelBooking(ctx: ServiceContext, params: z.output<typeof s.cancelBookingParams>): Promise<z.input<typeof s.cancelBookingResult>> {
  const appointment = await appointmentFor(ctx, params);
  const cancelled = await cancelAppointment(ctx, { appointment_id: appointment.id, reason: params.cancellation_reason });
  return { ...cancelled, booking: bookingOf(cancelled.appointment) };
}

export async function testConnection(ctx: ServiceContext, _params: z.output<typeof s.testConnectionParams>): Promise<z.input<typeof s.testConnectionResult>> {
  const connection = await ctx.db.calendarConnection.findUnique({ where: { companyId: ctx.companyId }, select: { provider: true } });
  const kind = connection?.provider ?? "local";
  let result: { ok: boolean; message: string; eventTypeCount: number };
  try {
    result = await (await loadCompanyCalendar(ctx)).provider.testConnection();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    result = { ok: false, message: error.message, eventTypeCount: 0 };
  }
  await ctx.db.calendarConnection.upsert({
    where: { companyId: ctx.companyId },
    create: { companyId: ctx.companyId, provider: kind, lastTestedAt: ctx.now(), lastTestStatus: result.ok ? "success" : "failed" },
    update: { lastTestedAt: ctx.now(), lastTestStatus: result.ok ? "success" : "failed" },
  });
  return { provider: kind, ok: result.ok, message: result.message, event_type_count: result.eventTypeCount };
}

/**
 * The local service behind an event type. A Cal.com event type no service names still has
 * slots, so availability works with a stand-in (empty id) built from the event type.
 */
async function serviceForEventType(ctx: ServiceContext, provider: CalendarProvider, ref: EventTypeRef): Promise<ResolvedService> {
  if (ref.service_id || ref.service_name) return resolveService(ctx, ref);
  if (typeof ref.event_type_id === "string") return resolveService(ctx, { service_id: ref.event_type_id });
  const eventTypeId = ref.event_type_id!;
  const mapped = await ctx.db.service.findFirst({
    where: { companyId: ctx.companyId, calcomEventTypeId: eventTypeId, isActive: true },
    select: { id: true },
  });
  if (mapped) return resolveService(ctx, { service_id: mapped.id });
  const eventType = provider.kind === "calcom" ? (await provider.listEventTypes()).find((e) => e.id === eventTypeId) : undefined;
  if (!eventType) throw new AppError(ErrorCodes.CALCOM_EVENT_TYPE_NOT_FOUND, "Die Terminart wurde nicht gefunden.");
  return { id: "", name: eventType.title, durationMinutes: eventType.durationMinutes, bufferMinutes: 0, calcomEventTypeId: eventTypeId, branchId: null };
}

/** The branch; for Cal.com, whose calendar spans the company, a zone alone is enough. */
async function branchFor(
  ctx: ServiceContext,
  provider: CalendarProvider,
  branchId: string | undefined,
  service: ResolvedService,
  timezone: string | undefined,
): Promise<BranchRef> {
  if (provider.kind === "local" || branchId || service.branchId) return resolveBranch(ctx, branchId, service.id ? service : undefined);
  const company = await ctx.db.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { timeZone: true } });
  return { id: "", name: "", timeZone: timezone ?? company.timeZone, state: null, businessHours: {} };
}

async function appointmentFor(ctx: ServiceContext, ref: { booking_uid?: string; appointment_id?: string }) {
  const appointment = await ctx.db.appointment.findFirst({
    where: ref.appointment_id ? { id: ref.appointment_id, companyId: ctx.companyId } : { externalUid: ref.booking_uid, companyId: ctx.companyId },
    select: { id: true, branch: { select: { timeZone: true } } },
  });
  if (!appointment) throw new AppError(ErrorCodes.NOT_FOUND, "Die Buchung wurde nicht gefunden.");
  return appointment;
}

function bookingOf(a: AppointmentDto): z.input<typeof s.createBookingResult>["booking"] {
  return { uid: a.external_uid, appointment_id: a.id, start: a.starts_at, end: a.ends_at, status: a.status };
}
