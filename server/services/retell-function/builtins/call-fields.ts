/** The agent's arguments, completed from what collect_appointment_data kept for the call. */
import { loadCollectedData } from "@/server/services/retell-function/call-context";
import type { FunctionContext } from "@/server/services/retell-function/function-context";
import { normalizeArgs } from "@/server/services/retell-function/spoken-input";

/** Looks at the call's collected data only when one of the `needed` fields is not in the arguments. */
export async function fieldsWithCollected(
  fctx: FunctionContext,
  args: Record<string, unknown>,
  needed: readonly string[],
): Promise<Record<string, string>> {
  const given = normalizeArgs(args);
  if (needed.every((field) => given[field])) return given;
  const collected = await loadCollectedData(fctx.ctx.db, fctx.ctx.companyId, fctx.callId);
  return { ...collected.fields, ...given };
}
