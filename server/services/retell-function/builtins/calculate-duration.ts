/** calculate_duration: how long one or several services take together. */
import { AppError, ErrorCodes } from "@/server/core/errors";
import { loadCollectedData } from "@/server/services/retell-function/call-context";
import type { FunctionImpl } from "@/server/services/retell-function/function-context";
import { normalizeArgs, resolveService, spokenDuration } from "@/server/services/retell-function/spoken-input";
import { joinGerman } from "@/server/services/appointments/wording";

export const calculateDuration: FunctionImpl = {
  kind: "read",
  async run(fctx, args) {
    const { ctx } = fctx;
    const given = normalizeArgs(args);
    let spoken: string | undefined = given.dienstleistungen ?? given.dienstleistung;
    if (!spoken) spoken = (await loadCollectedData(ctx.db, ctx.companyId, fctx.callId)).appointment?.serviceName;
    if (!spoken) throw new AppError(ErrorCodes.MISSING_FIELD, "Für welche Dienstleistung möchten Sie die Dauer wissen?");
    const parts = spoken.split(/\s*(?:,|\+|\bund\b|\bplus\b|\bsowie\b)\s*/i).filter(Boolean);
    const services = [];
    for (const part of parts) services.push(await resolveService(ctx.db, ctx.companyId, fctx.branch.id, part));
    const total = services.reduce((sum, s) => sum + s.durationMinutes, 0);
    const names = joinGerman(services.map((s) => s.name));
    return {
      success: true,
      duration_minutes: total,
      services: services.map((s) => ({ name: s.name, duration_minutes: s.durationMinutes })),
      message:
        services.length === 1
          ? `${names} dauert etwa ${spokenDuration(total)}.`
          : `${names} dauern zusammen etwa ${spokenDuration(total)}.`,
    };
  },
};
