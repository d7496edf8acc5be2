/**
 * Books an appointment: customer found or created by phone, the slot checked again by the
 * company's calendar, the booking made there, and the local row plus its confirmation
 * written in one transaction.
 */
import type { z } from "zod";
import { checkOpeningHours } from "@/server/calendar/opening-hours";
import type { ConfirmedBooking, Tx } from "@/server/calendar/provider";
import { loadCompanyCalendar } from "@/server/calendar/provider-for-company";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { normalizePhone } from "@/server/scheduling/phone";
import { enqueueConfirmation } from "./confirmation";
import { appointmentInclude, toAppointmentDto, type AppointmentRecord } from "./records";
import { requestedStart, resolveBranch, resolveService, resolveStaff } from "./resolve";
import type * as s from "./schemas";
import { unavailableSentence } from "./availability";
import { spokenDateTime } from "./wording";

type BookParams = z.output<typeof s.bookParams>;
type BookResult = z.input<typeof s.bookResult>;

export async function bookAppointment(ctx: ServiceContext, params: BookParams): Promise<BookResult> {
  const phone = normalizePhone(params.customer_phone);
  // Keys are unique across all companies in the table, so each company gets its own namespace.
  const idempotencyKey = params.idempotency_key ? `${ctx.companyId}:${params.idempotency_key}` : null;
  const { provider, company } = await loadCompanyCalendar(ctx);
  const cutoff = company.settings.modificationCutoffHours;

  const earlier = idempotencyKey ? await findByKey(ctx, idempotencyKey) : null;
  if (earlier) return result(ctx, earlier, cutoff, true);

  const service = await resolveService(ctx, params);
  const branch = await resolveBranch(ctx, params.branch_id, service);
  const staffId = params.staff_id ? await resolveStaff(ctx, params.staff_id, branch, service) : undefined;
  const start = requestedStart(branch, params.date, params.time, ctx.now());
  const opening = checkOpeningHours(branch, start, new Date(start.getTime() + service.durationMinutes * 60_000));
  if (!opening.open) {
    throw new AppError(ErrorCodes.OUTSIDE_BUSINESS_HOURS, unavailableSentence(branch, start, opening), {
      details: { date: params.date, time: params.time },
    });
  }

  const source = params.source ?? defaultSource(ctx);
  const store = async (tx: Tx, confirmed: ConfirmedBooking): Promise<AppointmentRecord> => {
    const customer = await upsertCustomer(tx, ctx.companyId, phone, params.customer_name, params.customer_email);
    const data = {
      companyId: ctx.companyId,
      branchId: branch.id,
      customerId: customer.id,
      serviceId: service.id,
      staffId: confirmed.staffId,
      startsAt: confirmed.start,
      endsAt: confirmed.end,
      bufferMinutes: service.bufferMinutes,
      source,
      externalUid: confirmed.externalUid,
      idempotencyKey,
      retellCallId: params.retell_call_id,
      notes: params.notes,
    };
    // A calendar webhook may have mirrored this very booking already; it becomes ours.
    const mirrored = await tx.appointment.findFirst({ where: { companyId: ctx.companyId, externalUid: confirmed.externalUid }, select: { id: true } });
    const appointment = mirrored
      ? await tx.appointment.update({ where: { id: mirrored.id }, data, include: appointmentInclude })
      : await tx.appointment.create({ data, include: appointmentInclude });
    await enqueueConfirmation(tx, {
      kind: "booked",
      companyId: ctx.companyId,
      companyName: company.name,
      settings: company.settings,
      appointment: {
        id: appointment.id,
        startsAt: appointment.startsAt,
        serviceName: service.name,
        staffName: appointment.staff?.name ?? null,
        branchName: branch.name,
        timeZone: branch.timeZone,
      },
      customer,
      now: ctx.now(),
    });
    return appointment;
  };

  try {
    const appointment = await provider.book(
      {
        branch,
        service,
        start,
        staffId,
        attendee: { name: params.customer_name, phone, email: params.customer_email },
        metadata: { source, ...(params.retell_call_id ? { retell_call_id: params.retell_call_id } : {}) },
      },
      store,
    );
    ctx.log.info({ appointmentId: appointment.id, provider: provider.kind }, "appointment booked");
    return result(ctx, appointment, cutoff, false);
  } catch (error) {
    // A retry racing the first attempt loses the slot or the key to it: answer with the first booking.
    const winner = idempotencyKey ? await findByKey(ctx, idempotencyKey) : null;
    if (winner) return result(ctx, winner, cutoff, true);
    throw error;
  }
}

function result(ctx: ServiceContext, a: AppointmentRecord, cutoffHours: number, alreadyBooked: boolean): BookResult {
  const withWhom = a.staff ? ` bei ${a.staff.name}` : "";
  return {
    success: true,
    already_booked: alreadyBooked,
    appointment: toAppointmentDto(a, ctx.now(), cutoffHours),
    message: `Ihr Termin für ${a.service.name} am ${spokenDateTime(a.startsAt, a.branch.timeZone)}${withWhom} ist gebucht.`,
  };
}

async function findByKey(ctx: ServiceContext, idempotencyKey: string): Promise<AppointmentRecord | null> {
  return ctx.db.appointment.findFirst({ where: { idempotencyKey, companyId: ctx.companyId }, include: appointmentInclude });
}

async function upsertCustomer(tx: Tx, companyId: string, phone: string, name: string, email: string | undefined) {
  const customer = await tx.customer.upsert({
    where: { companyId_phone: { companyId, phone } },
    create: { companyId, phone, name, email },
    update: email ? { email } : {},
  });
  if (customer.name) return customer;
  return tx.customer.update({ where: { id: customer.id }, data: { name } });
}

function defaultSource(ctx: ServiceContext): "phone" | "dashboard" | "api" {
  if (ctx.actor.type === "retell") return "phone";
  if (ctx.actor.type === "user") return "dashboard";
  return "api";
}
