/** The absence form's fields and their check: typed days → staff.addAbsence's params. */
import { z } from "zod";
import { berlinDay } from "@/components/appointments/list-filters";
import { dayField } from "@/components/forms/typed-date";
import { isValidLocalDate } from "@/server/scheduling/local-date";
import { addAbsenceParams } from "@/server/services/staff/schemas";

/** What the fields hold, named like addAbsence's params so the server's errors land under them. */
const fields = z.object({ from_date: dayField(), to_date: dayField({ optional: true }), reason: z.string() });
export type AbsenceFields = z.input<typeof fields>;

export const EMPTY_ABSENCE: AbsenceFields = { from_date: "", to_date: "", reason: "" };
const PAST_RANGE = "Der Zeitraum liegt in der Vergangenheit. Bitte einen Tag ab heute wählen.";

/**
 * The typed days → addAbsence's params: an empty "Bis" is the "Von" day. A range that ended
 * before today would be saved but never listed (the list shows current and coming absences),
 * so it is the form's own error; the method's schema checks the days and their order.
 */
export function absenceSchema(staffId: string, today: () => string = berlinDay) {
  return fields
    .transform((v, ctx): z.input<typeof addAbsenceParams> => {
      if (v.to_date === "" && !isValidLocalDate(v.from_date)) {
        // Without a start the copied end would only repeat the start's error: mark "Von" alone.
        for (const issue of addAbsenceParams.shape.from_date.safeParse(v.from_date).error?.issues ?? []) {
          ctx.addIssue({ code: "custom", path: ["from_date"], message: issue.message });
        }
        return z.NEVER;
      }
      const last = v.to_date || v.from_date;
      if (isValidLocalDate(v.from_date) && isValidLocalDate(last) && last >= v.from_date && last < today()) {
        ctx.addIssue({ code: "custom", path: [v.to_date ? "to_date" : "from_date"], message: PAST_RANGE });
        return z.NEVER;
      }
      return { staff_id: staffId, from_date: v.from_date, to_date: last, reason: v.reason };
    })
    .pipe(addAbsenceParams);
}
