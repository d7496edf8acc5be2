/**
 * customer.update: name, e-mail, phone, notes and consent from the Kunden detail. A new number
 * must be valid and must not belong to another customer of the company (that is a case for
 * customer.merge). Messages still waiting to go out follow the new number or address.
 */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import type { Prisma } from "@/server/generated/prisma/client";
import { isUniqueViolation } from "@/server/platform/db/unique-violation";
import { tryNormalizePhone } from "@/server/scheduling/phone";
import { fieldError } from "@/server/services/company/master-data-fields";
import { UPDATE_MESSAGES, type updateParams, type updateResult } from "./schemas";
import { CUSTOMER_NOT_FOUND, toDto } from "./service";

export async function updateCustomer(ctx: ServiceContext, params: z.output<typeof updateParams>): Promise<z.input<typeof updateResult>> {
  const phone = params.phone === undefined ? undefined : tryNormalizePhone(params.phone);
  if (phone === null) throw fieldError("phone", UPDATE_MESSAGES.invalidPhone, params.phone);

  try {
    return await ctx.db.$transaction(async (tx) => {
      const current = await tx.customer.findFirst({ where: { id: params.customer_id, companyId: ctx.companyId } });
      if (!current) throw new AppError(ErrorCodes.NOT_FOUND, CUSTOMER_NOT_FOUND);
      if (current.erasedAt) throw new AppError(ErrorCodes.CONFLICT, UPDATE_MESSAGES.erased);

      if (phone !== undefined && phone !== current.phone) {
        const owner = await tx.customer.findUnique({ where: { companyId_phone: { companyId: ctx.companyId, phone } }, select: { name: true } });
        if (owner) throw fieldError("phone", UPDATE_MESSAGES.phoneTaken(owner.name), params.phone);
      }

      const data: Prisma.CustomerUpdateInput = {};
      if (params.name !== undefined) data.name = params.name;
      if (params.email !== undefined) data.email = params.email;
      if (phone !== undefined) data.phone = phone;
      if (params.notes !== undefined) data.notes = params.notes;
      if (params.sms_opt_out !== undefined) data.smsOptOut = params.sms_opt_out;
      if (params.email_opt_out !== undefined) data.emailOptOut = params.email_opt_out;
      const updated = await tx.customer.update({ where: { id: current.id }, data });

      const waiting = { customerId: current.id, companyId: ctx.companyId, state: "queued" as const };
      if (updated.phone !== current.phone) {
        await tx.message.updateMany({ where: { ...waiting, channel: "sms", to: current.phone }, data: { to: updated.phone } });
      }
      if (updated.email && current.email && updated.email !== current.email) {
        await tx.message.updateMany({ where: { ...waiting, channel: "email", to: current.email }, data: { to: updated.email } });
      }
      return toDto(updated);
    });
  } catch (err) {
    // Another request gave the number to another customer between the check and the write.
    if (isUniqueViolation(err)) throw fieldError("phone", UPDATE_MESSAGES.phoneTaken(null), params.phone);
    throw err;
  }
}
