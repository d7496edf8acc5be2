import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { Customer } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/core/types";
import { normalizePhone, tryNormalizePhone } from "@/server/scheduling/phone";
import { formatPhoneForDisplay } from "@/server/scheduling/phone-display";
import { formatGermanDate } from "@/server/scheduling/time";
import type * as s from "./schemas";

export const CUSTOMER_NOT_FOUND = "Der Kunde wurde nicht gefunden.";

export function toDto(c: Customer): s.CustomerDto {
  return {
    id: c.id,
    phone: c.phone,
    // An erased customer's phone is a placeholder, nothing to read out.
    phone_display: c.erasedAt ? "Nummer gelöscht" : formatPhoneForDisplay(c.phone),
    name: c.name,
    email: c.email,
    notes: c.notes,
    cancellation_count: c.cancellationCount,
    no_show_count: c.noShowCount,
    sms_opt_out: c.smsOptOut,
    email_opt_out: c.emailOptOut,
    erased_at: c.erasedAt?.toISOString() ?? null,
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

/** Stores the customer's opt-outs; checked when each message is sent, so queued reminders respect them too. */
export async function setMessagePreferences(
  ctx: ServiceContext,
  params: z.output<typeof s.setMessagePreferencesParams>,
): Promise<z.input<typeof s.setMessagePreferencesResult>> {
  const changed = await ctx.db.customer.updateMany({
    where: { id: params.customer_id, companyId: ctx.companyId },
    data: { smsOptOut: params.sms_opt_out, emailOptOut: params.email_opt_out },
  });
  if (changed.count === 0) throw new AppError(ErrorCodes.NOT_FOUND, CUSTOMER_NOT_FOUND);
  return { customer_id: params.customer_id, sms_opt_out: params.sms_opt_out, email_opt_out: params.email_opt_out };
}
