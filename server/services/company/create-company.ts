/**
 * A new company with its first branch: the set-up wizard's first step and `npm run
 * company:create`. Everything a company needs to take calls is created with it (built-in
 * calendar, Retell configuration), so later steps only add to it.
 */
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import { isUniqueViolation } from "@/server/platform/db/unique-violation";
import { toData as branchData } from "@/server/services/branch/service";
import type { NewCompany } from "./schemas";

export const SLUG_TAKEN = "Dieses Kürzel ist schon vergeben; bitte ein anderes wählen.";

/** Creates the company and its first branch inside the caller's transaction. */
export async function createCompany(tx: Prisma.TransactionClient, input: NewCompany): Promise<{ companyId: string; branchId: string }> {
  if (await tx.company.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw new AppError(ErrorCodes.CONFLICT, SLUG_TAKEN, { details: { field: "slug" } });
  }
  try {
    const company = await tx.company.create({ data: { slug: input.slug, name: input.name, timeZone: input.time_zone } });
    const branch = await tx.branch.create({
      data: { companyId: company.id, timeZone: input.time_zone, ...branchData(input.branch), name: input.branch.name },
    });
    await tx.calendarConnection.create({ data: { companyId: company.id, provider: "local" } });
    await tx.retellConfiguration.create({ data: { companyId: company.id } });
    return { companyId: company.id, branchId: branch.id };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(ErrorCodes.CONFLICT, SLUG_TAKEN, { details: { field: "slug" } });
    throw err;
  }
}
