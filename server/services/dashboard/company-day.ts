import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { addDaysLocal, instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";

export interface CompanyDay {
  timeZone: string;
  /** Start of the company's current calendar day and of the next one, as instants. */
  start: Date;
  end: Date;
}

/** The company's "today" in its own time zone (Europe/Berlin unless configured otherwise). */
export async function companyDay(db: PrismaClient, companyId: string, now: Date): Promise<CompanyDay> {
  const company = await db.company.findUnique({ where: { id: companyId }, select: { timeZone: true } });
  if (!company) throw new AppError(ErrorCodes.COMPANY_NOT_FOUND, "Das Unternehmen wurde nicht gefunden.");
  const today = instantToLocal(now, company.timeZone).date;
  return {
    timeZone: company.timeZone,
    start: zonedDateTimeToInstant(today, "00:00", company.timeZone),
    end: zonedDateTimeToInstant(addDaysLocal(today, 1), "00:00", company.timeZone),
  };
}
