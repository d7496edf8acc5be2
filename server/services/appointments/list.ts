/** The dashboard's view: appointments filtered and paginated, and one appointment in full. */
import type { z } from "zod";
import type { Prisma } from "@/server/generated/prisma/client";
import { parseCompanySettings } from "@/server/calendar/company-settings";
import type { ServiceContext } from "@/server/core/types";
import { addDaysLocal } from "@/server/scheduling/local-date";
import { tryNormalizePhone } from "@/server/scheduling/phone";
import { zonedDateTimeToInstant } from "@/server/scheduling/time";
import { latestDepositStates } from "@/server/services/stripe/payments-store";
import { appointmentInclude, appointmentNotFound, toAppointmentDto } from "./records";
import { requireDate } from "./resolve";
import type * as s from "./schemas";

export async function listAppointments(
  ctx: ServiceContext,
  params: z.output<typeof s.listParams>,
): Promise<z.input<typeof s.listResult>> {
  const company = await ctx.db.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { timeZone: true, settings: true } });
  const tz = company.timeZone;
  const startsAt: Prisma.DateTimeFilter = {};
  if (params.date_from) startsAt.gte = zonedDateTimeToInstant(requireDate(params.date_from), "00:00", tz);
  if (params.date_to) startsAt.lt = zonedDateTimeToInstant(addDaysLocal(requireDate(params.date_to), 1), "00:00", tz);

  const where: Prisma.AppointmentWhereInput = {
    companyId: ctx.companyId,
    ...(params.date_from || params.date_to ? { startsAt } : {}),
    ...(params.branch_id ? { branchId: params.branch_id } : {}),
    ...(params.staff_id ? { staffId: params.staff_id } : {}),
    ...(params.status ? { status: params.status } : {}),
    ...(params.search ? { customer: customerMatch(params.search) } : {}),
  };
  const [rows, total] = await Promise.all([
    ctx.db.appointment.findMany({
      where,
      include: appointmentInclude,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: params.limit,
      skip: params.offset,
    }),
    ctx.db.appointment.count({ where }),
  ]);
  const cutoff = parseCompanySettings(company.settings).modificationCutoffHours;
  const deposits = await latestDepositStates(ctx.db, ctx.companyId, rows.map((row) => row.id));
  return { appointments: rows.map((row) => ({ ...toAppointmentDto(row, ctx.now(), cutoff), deposit_state: deposits.get(row.id) ?? null })), total };
}

/**
 * One appointment in full, with the call that produced it. Another company's appointment is
 * answered like an unknown one (3005), so an id from elsewhere does not even reveal that it exists.
 */
export async function getAppointment(
  ctx: ServiceContext,
  params: z.output<typeof s.getParams>,
): Promise<z.input<typeof s.getResult>> {
  const appointment = await ctx.db.appointment.findFirst({ where: { id: params.appointment_id, companyId: ctx.companyId }, include: appointmentInclude });
  if (!appointment) throw appointmentNotFound();
  const [company, call] = await Promise.all([
    ctx.db.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { settings: true } }),
    ctx.db.call.findFirst({
      where: {
        companyId: ctx.companyId,
        OR: [{ appointmentId: appointment.id }, ...(appointment.retellCallId ? [{ retellCallId: appointment.retellCallId }] : [])],
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    appointment: toAppointmentDto(appointment, ctx.now(), parseCompanySettings(company.settings).modificationCutoffHours),
    call: call && {
      id: call.id,
      retell_call_id: call.retellCallId,
      started_at: call.startedAt?.toISOString() ?? null,
      duration_ms: call.durationMs,
      from_number: call.fromNumber,
      outcome: call.outcome,
      summary: call.summary,
    },
  };
}

/** Name contains the text, or the phone number matches (any spoken form) or contains its digits. */
function customerMatch(search: string): Prisma.CustomerWhereInput {
  const digits = search.replace(/\D/g, "");
  const phone = tryNormalizePhone(search);
  return {
    OR: [
      { name: { contains: search, mode: "insensitive" } },
      ...(phone ? [{ phone }] : []),
      ...(digits.length >= 3 ? [{ phone: { contains: digits.replace(/^0+/, "") } }] : []),
    ],
  };
}
