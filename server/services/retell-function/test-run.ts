/**
 * Funktionstest: staff run a built-in or configured function with arguments as a caller would
 * say them and see what the agent would receive and say. Without `confirm` it is a dry run:
 * nothing is booked, moved, cancelled, kept with a call or sent to an external service.
 * The function calls of a past call can be loaded to run them again.
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { parseBusinessHours } from "@/server/calendar/schedules";
import { AppError, ErrorCodes, isAppError } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { Prisma } from "@/server/generated/prisma/client";
import { writeBehind } from "@/server/platform/write-behind";
import { resolveBranchFromContext } from "@/server/services/retell-function/resolve-owner";
import { BUILTIN_FUNCTIONS, builtinFunction } from "@/server/services/retell-function/builtins/catalog";
import { configuredFunctions } from "./configured-list";
import { runConfiguredFunction } from "./configured-functions";
import type { FunctionAnswer, FunctionContext, FunctionImpl } from "./function-context";
import type * as s from "./test-run-schemas";

type Fields = Array<{ name: string; description: string; required: boolean }>;

export async function listTestableFunctions(ctx: ServiceContext): Promise<z.input<typeof s.listTestableResult>> {
  const [configured, branches] = await Promise.all([
    configuredFunctions(ctx.db, ctx.companyId),
    ctx.db.branch.findMany({ where: { companyId: ctx.companyId, isActive: true }, select: { id: true, name: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const own = configured.filter((c) => c.companyId === ctx.companyId || !configured.some((o) => o.name === c.name && o.companyId === ctx.companyId));
  const builtins = BUILTIN_FUNCTIONS.filter((b) => !own.some((c) => c.name === b.name)).map((b) => ({
    name: b.name,
    origin: "builtin" as const,
    description: b.description,
    writes: b.impl.kind === "write",
    enabled: true,
    fields: fieldsOf(b.parameters),
  }));
  const custom = own.map((c) => {
    const builtin = builtinFunction(c.name);
    return {
      name: c.name,
      origin: "configured" as const,
      description: builtin?.description ?? describeConfigured(c.type),
      writes: builtin ? builtin.impl.kind === "write" : true,
      enabled: c.isEnabled,
      fields: fieldsOf(builtin?.parameters ?? c.parameterSchema),
    };
  });
  return { functions: [...builtins, ...custom].sort((a, b) => a.name.localeCompare(b.name)), branches };
}

export async function testFunction(ctx: ServiceContext, params: z.output<typeof s.testParams>): Promise<z.input<typeof s.testResult>> {
  const name = params.function_name;
  const configured = (await configuredFunctions(ctx.db, ctx.companyId)).filter((r) => r.name === name);
  const own = configured.find((r) => r.companyId === ctx.companyId) ?? configured[0] ?? null;
  const builtin = builtinFunction(name);
  if (!builtin && !own) throw new AppError(ErrorCodes.NOT_FOUND, "Diese Funktion ist nicht eingerichtet.");
  const impl: FunctionImpl = builtin?.impl ?? { kind: "write", run: (fctx, a) => runConfiguredFunction(fctx, own!, a) };

  const branch = await resolveBranchFromContext(ctx.db, ctx.companyId, { branch_id: params.branch_id });
  const callId = `funktionstest-${randomUUID()}`;
  const callerNumber = params.caller_number?.trim() || undefined;
  const fctx: FunctionContext = {
    ctx,
    callId,
    branch: { ...branch, businessHours: parseBusinessHours(branch.businessHours) },
    callerNumber,
    now: ctx.now(),
    dryRun: !params.confirm,
    fromDashboard: true,
  };
  const parameters = Object.fromEntries(Object.entries(params.parameters).filter(([, v]) => v.trim() !== ""));
  return {
    received: {
      function_name: name,
      parameters,
      call_context: { call_id: callId, branch_id: branch.id, ...(callerNumber ? { from_number: callerNumber } : {}) },
    },
    answer: await answerOf(() => impl.run(fctx, parameters)),
    dry_run: !params.confirm,
    writes: impl.kind === "write",
  };
}

export async function callFunctionCalls(ctx: ServiceContext, params: z.output<typeof s.callFunctionCallsParams>): Promise<z.input<typeof s.callFunctionCallsResult>> {
  const call = await ctx.db.call.findFirst({
    where: { companyId: ctx.companyId, OR: [{ id: params.call_id }, { retellCallId: params.call_id }] },
    select: { id: true, retellCallId: true, branchId: true, fromNumber: true },
  });
  if (!call) throw new AppError(ErrorCodes.NOT_FOUND, "Dieser Anruf wurde nicht gefunden.");
  const rows = await ctx.db.functionCall.findMany({
    where: { companyId: ctx.companyId, retellCallId: call.retellCallId },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  return {
    call_id: call.id,
    branch_id: call.branchId,
    caller_number: call.fromNumber,
    calls: rows.map((r) => ({ function_name: r.functionName, parameters: asText(r.arguments), answer: r.answer, created_at: r.createdAt.toISOString() })),
  };
}

interface FunctionCallRow {
  companyId: string;
  retellCallId: string;
  functionName: string;
  arguments: object;
  answer: object;
  createdAt: Date;
}

/** One multi-row INSERT (the client's createMany would wrap it in a transaction of its own). */
const functionCallBatch = writeBehind("function_calls", (db, rows: FunctionCallRow[]) => {
  const values = rows.map(
    (r) =>
      Prisma.sql`(${randomUUID()}, ${r.companyId}, ${r.retellCallId}, ${r.functionName}, ${JSON.stringify(r.arguments)}::jsonb,
                  ${JSON.stringify(r.answer)}::jsonb, ${r.createdAt})`,
  );
  return db.$executeRaw`
    INSERT INTO function_calls (id, "companyId", "retellCallId", "functionName", arguments, answer, "createdAt")
    VALUES ${Prisma.join(values)}`;
});

/**
 * Keeps a live call's function call for replay, written with the next batch a moment later
 * (platform/write-behind.ts); a failure to keep it never costs the caller the answer.
 */
export async function recordFunctionCall(fctx: FunctionContext, name: string, args: Record<string, unknown>, answer: FunctionAnswer): Promise<void> {
  functionCallBatch(fctx.ctx.db, {
    companyId: fctx.ctx.companyId,
    retellCallId: fctx.callId,
    functionName: name,
    arguments: args as object,
    answer: answer as object,
    createdAt: new Date(),
  });
}

async function answerOf(run: () => Promise<FunctionAnswer>): Promise<FunctionAnswer> {
  try {
    return await run();
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { success: false, message: error.message, error_code: error.code };
  }
}

function fieldsOf(schema: unknown): Fields {
  const o = schema !== null && typeof schema === "object" ? (schema as { properties?: unknown; required?: unknown }) : {};
  const properties = o.properties !== null && typeof o.properties === "object" ? (o.properties as Record<string, unknown>) : {};
  const required = Array.isArray(o.required) ? o.required.filter((r): r is string => typeof r === "string") : [];
  return Object.entries(properties).map(([name, p]) => ({
    name,
    description: p !== null && typeof p === "object" && typeof (p as { description?: unknown }).description === "string" ? (p as { description: string }).description : "",
    required: required.includes(name),
  }));
}

function describeConfigured(type: string): string {
  return type === "external_api" ? "Eigene Funktion: ruft einen externen Dienst auf." : "Eigene Funktion: notiert Angaben des Anrufers.";
}

/** Stored arguments as the text fields of the form. */
function asText(value: unknown): Record<string, string> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}
