/** The agent's arguments, completed from what collect_appointment_data kept for the call. */
import { loadCollectedData } from "@/server/retell/call-context";
import type { FunctionContext } from "../function-context";
import { normalizeArgs } from "../spoken-input";

export async function fieldsWithCollected(fctx: FunctionContext, args: Record<string, unknown>): Promise<Record<string, string>> {
  const collected = await loadCollectedData(fctx.ctx.db, fctx.ctx.companyId, fctx.callId);
  return { ...collected.fields, ...normalizeArgs(args) };
}
