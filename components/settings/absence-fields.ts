/** The absence form's fields and their check: typed days and times → staff.addAbsence's params. */
import { z } from "zod";
import { dayField } from "@/components/forms/typed-date";
import { isValidLocalDate } from "@/server/scheduling/local-date";
import { addAbsenceParams } from "@/server/services/staff/schemas";

/** What the fields hold, named like addAbsence's params so the server's errors land under them. */
const fields = z.object({
  from_date: dayField(),
  to_date: dayField({ optional: true }),
  /** "" for the whole day (from 00:00, until 24:00). */
  from_time: z.string(),
  to_time: z.string(),
  reason: z.string(),
});
export type AbsenceFields = z.input<typeof fields>;

export const EMPTY_ABSENCE: AbsenceFields = { from_date: "", to_date: "", from_time: "", to_time: "", reason: "" };

/**
 * The typed days → addAbsence's params: an empty "Bis" is the "Von" day, empty times are whole
 * days. Ended ranges are accepted (a sick day entered afterwards): the list shows them as past.
 * The method's schema checks the days, the times and their order.
 */
export function absenceSchema(staffId: string) {
  return fields
    .transform((v, ctx): z.input<typeof addAbsenceParams> => {
      if (v.to_date === "" && !isValidLocalDate(v.from_date)) {
        // Without a start the copied end would only repeat the start's error: mark "Von" alone.
        for (const issue of addAbsenceParams.shape.from_date.safeParse(v.from_date).error?.issues ?? []) {
          ctx.addIssue({ code: "custom", path: ["from_date"], message: issue.message });
        }
        return z.NEVER;
      }
      return {
        staff_id: staffId,
        from_date: v.from_date,
        to_date: v.to_date || v.from_date,
        from_time: v.from_time || undefined,
        to_time: v.to_time || undefined,
        reason: v.reason,
      };
    })
    .pipe(addAbsenceParams);
}
