/** check_availability: is the wished time free, or which times are free that day. */
import { AppError, ErrorCodes } from "@/server/errors";
import { checkAvailability as checkSlots } from "@/server/mcp/appointments/service";
import type { FunctionImpl } from "../function-context";
import { parseDay, parseTimeOn, resolveService, resolveStaffWish } from "../spoken-input";
import { fieldsWithCollected } from "./call-fields";

const SLOTS_TOLD = 8;

export const checkAvailability: FunctionImpl = {
  kind: "read",
  async run(fctx, args) {
    const f = await fieldsWithCollected(fctx, args, ["datum", "dienstleistung"]);
    if (!f.datum) throw new AppError(ErrorCodes.MISSING_FIELD, "An welchem Tag hätten Sie gern einen Termin?");
    if (!f.dienstleistung) throw new AppError(ErrorCodes.MISSING_FIELD, "Für welche Dienstleistung suchen Sie einen Termin?");
    const date = parseDay(fctx, f.datum);
    const time = f.uhrzeit ? parseTimeOn(fctx, date, f.uhrzeit) : undefined;
    const service = await resolveService(fctx.ctx.db, fctx.ctx.companyId, fctx.branch.id, f.dienstleistung);
    const staffId = await resolveStaffWish(fctx, f.mitarbeiter_wunsch);
    const result = await checkSlots(fctx.ctx, { branch_id: fctx.branch.id, service_id: service.id, date, time, staff_id: staffId });
    return {
      success: true,
      available: result.available,
      datum: result.date,
      uhrzeit: result.time,
      dienstleistung: service.name,
      freie_zeiten: result.slots.slice(0, SLOTS_TOLD).map((s) => s.time),
      message: result.message,
    };
  },
};
