/** The special-day form's fields and their check: typed day, closed or hours → branch.setSpecialDay's params. */
import { z } from "zod";
import { dayField } from "@/components/forms/typed-date";
import { setSpecialDayParams } from "@/server/services/branch/schemas";

/** What the fields hold, named like setSpecialDay's params so the server's errors land under them. */
const fields = z.object({ date: dayField(), closed: z.boolean(), open: z.string(), close: z.string(), reason: z.string() });
export type SpecialDayFields = z.input<typeof fields>;

export const EMPTY_SPECIAL_DAY: SpecialDayFields = { date: "", closed: true, open: "", close: "", reason: "" };

const NO_HOURS = "Bitte Öffnungszeiten angeben oder den Tag als geschlossen markieren.";

/** Closed: no hours; open: the one range typed (the method checks the times and their order). */
export function specialDaySchema(branchId: string) {
  return fields
    .transform((v, ctx): z.input<typeof setSpecialDayParams> => {
      if (!v.closed && (!v.open || !v.close)) {
        ctx.addIssue({ code: "custom", path: [v.open ? "close" : "open"], message: NO_HOURS });
        return z.NEVER;
      }
      return { branch_id: branchId, date: v.date, closed: v.closed, hours: v.closed ? [] : [{ open: v.open, close: v.close }], reason: v.reason };
    })
    .pipe(setSpecialDayParams);
}
