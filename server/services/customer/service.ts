import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { Customer, Prisma } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/core/types";
import { normalizePhone, tryNormalizePhone } from "@/server/scheduling/phone";
import { formatGermanDate, formatGermanTime } from "@/server/scheduling/time";
import type * as s from "./schemas";

function toDto(c: Customer): s.CustomerDto {
  return {
    id: c.id,
    phone: c.phone,
    name: c.name,
    email: c.email,
    notes: c.notes,
    cancellation_count: c.cancellationCount,
    no_show_count: c.noShowCount,
    created_at: c.createdAt.toISOString(),
  };
}

export async function findCustomerByPhone(
  ctx: ServiceContext,
  params: z.output<typeof s.findByPhoneParams>,
): Promise<z.input<typeof s.findByPhoneResult>> {
  const phone = normalizePhone(params.phone);
  const row = await ctx.db.customer.findUnique({ where: { companyId_phone: { companyId: ctx.companyId, phone } } });
  return { customer: row ? toDto(row) : null };
}

const LAST_VISITS = 3;

/**
 * The customer of a number as it is being typed: text that is no valid number yet answers
 * `valid_number: false` instead of an error, so a dialog can ask on every pause in typing.
 */
export async function lookupCustomer(ctx: ServiceContext, params: z.output<typeof s.lookupParams>): Promise<z.input<typeof s.lookupResult>> {
  const phone = tryNormalizePhone(params.phone);
  if (phone === null) return { valid_number: false, customer: null };
  const row = await ctx.db.customer.findUnique({
    where: { companyId_phone: { companyId: ctx.companyId, phone } },
    include: {
      appointments: {
        where: { companyId: ctx.companyId, startsAt: { lt: ctx.now() }, status: { not: "cancelled" } },
        orderBy: { startsAt: "desc" },
        take: LAST_VISITS,
        include: { service: { select: { name: true } }, branch: { select: { timeZone: true } } },
      },
    },
  });
  if (!row) return { valid_number: true, customer: null };
  return {
    valid_number: true,
    customer: {
      id: row.id,
      name: row.name,
      phone: row.phone,
      no_show_count: row.noShowCount,
      cancellation_count: row.cancellationCount,
      last_visits: row.appointments.map((a) => ({
        id: a.id,
        date: formatGermanDate(a.startsAt, a.branch.timeZone),
        service: a.service.name,
        status: a.status as "scheduled" | "completed" | "no_show",
      })),
    },
  };
}

export async function getCustomer(ctx: ServiceContext, params: z.output<typeof s.getParams>): Promise<z.input<typeof s.getResult>> {
  const row = await ctx.db.customer.findFirst({
    where: { id: params.customer_id, companyId: ctx.companyId },
    include: {
      appointments: {
        where: { status: "scheduled", startsAt: { gte: ctx.now() } },
        orderBy: { startsAt: "asc" },
        take: 10,
        include: { service: { select: { name: true } }, branch: { select: { name: true, timeZone: true } }, staff: { select: { name: true } } },
      },
    },
  });
  if (!row) throw new AppError(ErrorCodes.NOT_FOUND, "Der Kunde wurde nicht gefunden.");
  return {
    ...toDto(row),
    upcoming_appointments: row.appointments.map((a) => ({
      id: a.id,
      starts_at: a.startsAt.toISOString(),
      date: formatGermanDate(a.startsAt, a.branch.timeZone),
      time: formatGermanTime(a.startsAt, a.branch.timeZone),
      service: a.service.name,
      branch: a.branch.name,
      staff: a.staff?.name ?? null,
    })),
  };
}

export async function listCustomers(
  ctx: ServiceContext,
  params: z.output<typeof s.listParams>,
): Promise<z.input<typeof s.listResult>> {
  const where: Prisma.CustomerWhereInput = { companyId: ctx.companyId };
  if (params.query) {
    const digits = params.query.replace(/\D/g, "");
    where.OR = [
      { name: { contains: params.query, mode: "insensitive" } },
      ...(digits.length >= 3 ? [{ phone: { contains: digits.replace(/^0+/, "") } }] : []),
    ];
  }
  const [rows, total] = await Promise.all([
    ctx.db.customer.findMany({ where, orderBy: [{ name: "asc" }, { createdAt: "asc" }], take: params.limit, skip: params.offset }),
    ctx.db.customer.count({ where }),
  ]);
  return { customers: rows.map(toDto), total };
}

/** Stores the customer's opt-outs; checked when each message is sent, so queued reminders respect them too. */
export async function setMessagePreferences(
  ctx: ServiceContext,
  params: z.output<typeof s.setMessagePreferencesParams>,
): Promise<z.input<typeof s.setMessagePreferencesResult>> {
  const changed = await ctx.db.customer.updateMany({
    where: { id: params.customer_id, companyId: ctx.companyId },
    data: { smsOptOut: params.sms_opt_out, emailOptOut: params.email_opt_out },
  });
  if (changed.count === 0) throw new AppError(ErrorCodes.NOT_FOUND, "Der Kunde wurde nicht gefunden.");
  return { customer_id: params.customer_id, sms_opt_out: params.sms_opt_out, email_opt_out: params.email_opt_out };
}
