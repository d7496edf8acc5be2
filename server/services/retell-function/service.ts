/**
 * retell.function.execute: runs a built-in or a company-configured function for
 * a live call, at most once per (call, function, arguments), and answers in short German.
 */
import { AppError, ErrorCodes, isAppError } from "@/server/core/errors";
import { parseBusinessHours } from "@/server/calendar/schedules";
import type { ServiceContext } from "@/server/core/types";
import { callNumbers } from "@/server/services/retell-function/request-shapes";
import { resolveBranchFromContext } from "@/server/services/retell-function/resolve-owner";
import { builtinFunction } from "@/server/services/retell-function/builtins/catalog";
import { configuredFunctions, type ConfiguredFunction } from "./configured-list";
import { runConfiguredFunction } from "./configured-functions";
import type { FunctionAnswer, FunctionContext, FunctionImpl } from "./function-context";
import { hashArgs, runOnce, type RunOutcome } from "./invocations";
import { recordFunctionCall } from "./test-run";
import type { z } from "zod";
import type { executeParams } from "./schemas";

export async function executeFunction(ctx: ServiceContext, params: z.output<typeof executeParams>): Promise<FunctionAnswer> {
  const { function_name: name, parameters: args, call_context: call } = params;
  const { ours, caller } = callNumbers(call);
  const [configured, branch] = await Promise.all([
    findConfigured(ctx, name),
    resolveBranchFromContext(ctx.db, ctx.companyId, { branch_id: call.branch_id, our_number: ours }),
  ]);
  const builtin = builtinFunction(name);
  if (!builtin && !configured) throw new AppError(ErrorCodes.NOT_FOUND, "Diese Funktion ist nicht eingerichtet.");
  if (configured && !configured.isEnabled) throw new AppError(ErrorCodes.NOT_FOUND, "Diese Funktion ist derzeit nicht verfügbar.");

  const impl: FunctionImpl = builtin?.impl ?? {
    kind: "write",
    run: (fctx, a) => runConfiguredFunction(fctx, configured!, a),
  };
  const fctx: FunctionContext = {
    ctx,
    callId: call.call_id,
    branch: { ...branch, businessHours: parseBusinessHours(branch.businessHours) },
    callerNumber: caller,
    ourNumber: ours,
    now: ctx.now(),
  };
  const runAndCount = async () => {
    const outcome = await answerOf(() => impl.run(fctx, args));
    if (configured) {
      await ctx.db.retellCustomFunction.update({
        where: { id: configured.id },
        data: { usageCount: { increment: 1 }, lastUsedAt: fctx.now },
      });
    }
    return outcome;
  };
  // Reads change nothing: a repeat simply asks again (and gets the current answer).
  const key = { companyId: ctx.companyId, callId: call.call_id, functionName: name, argsHash: hashArgs(args) };
  const answer = impl.kind === "read" ? (await runAndCount()).answer : await runOnce(ctx.db, key, runAndCount);
  await recordFunctionCall(fctx, name, args, answer);
  return answer;
}

/** Domain refusals are answers the agent reads; transient ones are not kept, so Retell's retry runs again. */
async function answerOf(run: () => Promise<FunctionAnswer>): Promise<RunOutcome<FunctionAnswer>> {
  try {
    return { answer: await run(), keep: true };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return {
      answer: { success: false, message: error.message, error_code: error.code, ...(error.retryAfter ? { retry_after: error.retryAfter } : {}) },
      keep: error.retryAfter === undefined,
    };
  }
}

/** The company's own definition, else a global one (from the cached list, see configured-list.ts). */
async function findConfigured(ctx: ServiceContext, name: string): Promise<ConfiguredFunction | null> {
  const rows = (await configuredFunctions(ctx.db, ctx.companyId)).filter((r) => r.name === name);
  return rows.find((r) => r.companyId === ctx.companyId) ?? rows[0] ?? null;
}
