/** find_next_slot: the earliest free time for a service, from today or a given day. */
import { AppError, ErrorCodes } from "@/server/core/errors";
import { findNextSlot as nextSlot } from "@/server/services/appointments/service";
import type { FunctionImpl } from "@/server/services/retell-function/function-context";
import { resolveService, resolveStaffWish } from "@/server/services/retell-function/spoken-input";
import { readDays } from "@/server/services/retell-function/spoken-moment";
import { fieldsWithCollected } from "./call-fields";

export const findNextSlot: FunctionImpl = {
  kind: "read",
  async run(fctx, args) {
    const f = await fieldsWithCollected(fctx, args, ["dienstleistung"]);
    if (!f.dienstleistung) throw new AppError(ErrorCodes.MISSING_FIELD, "Für welche Dienstleistung suchen Sie einen Termin?");
    const service = await resolveService(fctx.ctx.db, fctx.ctx.companyId, fctx.branch.id, f.dienstleistung);
    const from = f.ab ?? f.datum;
    const result = await nextSlot(fctx.ctx, {
      branch_id: fctx.branch.id,
      service_id: service.id,
      staff_id: await resolveStaffWish(fctx, f.mitarbeiter_wunsch),
      from_date: from ? readDays(fctx, from).from : undefined,
    });
    return {
      success: result.found,
      found: result.found,
      ...(result.reason ? { reason: result.reason } : {}),
      service: service.name,
      dienstleistung: service.name,
      ...(result.slot ? { date: result.slot.date, time: result.slot.time, datum: result.slot.date, uhrzeit: result.slot.time } : {}),
      message: result.message,
    };
  },
};
