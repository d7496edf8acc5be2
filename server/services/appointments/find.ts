/** Upcoming appointments of a caller, found by the phone number in any spoken form. */
import type { z } from "zod";
import { parseCompanySettings } from "@/server/calendar/company-settings";
import type { ServiceContext } from "@/server/core/types";
import { normalizePhone } from "@/server/scheduling/phone";
import { appointmentInclude, toAppointmentDto } from "./records";
import type * as s from "./schemas";
import { joinGerman } from "./wording";

const MAX_FOUND = 5;

export async function findAppointmentsByPhone(
  ctx: ServiceContext,
  params: z.output<typeof s.findParams>,
): Promise<z.input<typeof s.findResult>> {
  const phone = normalizePhone(params.phone);
  const company = await ctx.db.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { settings: true } });
  const cutoff = parseCompanySettings(company.settings).modificationCutoffHours;
  const rows = await ctx.db.appointment.findMany({
    where: { companyId: ctx.companyId, status: "scheduled", startsAt: { gte: ctx.now() }, customer: { phone } },
    include: appointmentInclude,
    orderBy: { startsAt: "asc" },
    take: MAX_FOUND,
  });
  if (rows.length === 0) {
    return { found: false, count: 0, appointments: [], message: "Keine Termine unter dieser Nummer gefunden." };
  }
  const appointments = rows.map((row) => toAppointmentDto(row, ctx.now(), cutoff));
  const described = appointments.map((a) => `${a.weekday}, ${a.date} um ${a.time} Uhr, ${a.service}${a.staff_id ? ` bei ${a.staff}` : ""}`);
  const intro = appointments.length === 1 ? "Ich habe einen Termin gefunden" : `Ich habe ${appointments.length} Termine gefunden`;
  return { found: true, count: appointments.length, appointments, message: `${intro}: ${joinGerman(described)}.` };
}
