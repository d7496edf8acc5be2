/**
 * Custom functions of retell.config: the company's own and global ones,
 * the built-ins ensured as rows (so they can be switched off), and deployment of enabled
 * functions as custom tools of the company's Retell agents, all pointing at our endpoint
 * (configured URLs and headers stay with us; we call them after checking the arguments).
 */
import type { z } from "zod";
import { AppError, ErrorCodes, isAppError } from "@/server/core/errors";
import type { Prisma, RetellCustomFunction } from "@/server/generated/prisma/client";
import type { RetellCustomTool } from "@/server/integrations/retell/client";
import { retellApiKeyOf, retellClientFor } from "@/server/services/retell/client-for-company";
import { BUILTIN_FUNCTIONS, builtinFunction } from "@/server/services/retell-function/builtins/catalog";
import { forgetConfiguredFunctions } from "@/server/services/retell-function/configured-list";
import { assertParameterSchema } from "@/server/services/retell-function/json-schema";
import { maskedHeaders, sealHeaders } from "@/server/services/retell-function/sealed-headers";
import type { ServiceContext } from "@/server/core/types";
import { isUniqueViolation } from "@/server/platform/db/unique-violation";
import { appUrl, companyAgentIds } from "./company-agents";
import {
  CUSTOM_FUNCTION_PATH,
  type createCustomFunctionParams,
  type customFunctionSchema,
  type functionWriteResult,
  type updateCustomFunctionParams,
} from "./schemas";

type FunctionDto = z.input<typeof customFunctionSchema>;
type WriteResult = z.input<typeof functionWriteResult>;

const BUILTIN_TIMEOUT_MS = 10_000;

/** Creates the rows of built-ins the company does not have yet (they then can be disabled). */
export async function ensureBuiltInFunctions(ctx: ServiceContext): Promise<void> {
  await ctx.db.retellCustomFunction.createMany({
    data: BUILTIN_FUNCTIONS.map((b) => ({
      companyId: ctx.companyId,
      name: b.name,
      type: "builtin" as const,
      description: b.description,
      parameterSchema: b.parameters as Prisma.InputJsonValue,
      timeoutMs: BUILTIN_TIMEOUT_MS,
    })),
    skipDuplicates: true,
  });
  await forgetConfiguredFunctions(ctx.companyId);
}

/** Id under which a built-in without its own row yet is listed; the first write to it creates the row. */
const UNSTORED_BUILTIN_PREFIX = "builtin:";

/** A read only reads: built-ins the company has no row for are listed as they would be stored. */
export async function getCustomFunctions(ctx: ServiceContext): Promise<{ functions: FunctionDto[]; total: number }> {
  const rows = await ctx.db.retellCustomFunction.findMany({
    where: { OR: [{ companyId: ctx.companyId }, { companyId: null, isGlobal: true }] },
    orderBy: [{ type: "asc" }, { name: "asc" }],
  });
  const own = new Set(rows.filter((r) => r.companyId).map((r) => r.name));
  const stored = rows.filter((r) => r.companyId || !own.has(r.name)).map(toDto);
  const unstored = BUILTIN_FUNCTIONS.filter((b) => !own.has(b.name)).map(
    (b): FunctionDto => ({
      id: `${UNSTORED_BUILTIN_PREFIX}${b.name}`,
      name: b.name,
      type: "builtin",
      description: b.description,
      parameters: b.parameters,
      url: null,
      method: "POST",
      headers: {},
      timeout_ms: BUILTIN_TIMEOUT_MS,
      enabled: true,
      is_global: false,
      last_used: null,
      usage_count: 0,
    }),
  );
  const functions = [...stored, ...unstored].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
  return { functions, total: functions.length };
}

export async function createCustomFunction(ctx: ServiceContext, params: z.output<typeof createCustomFunctionParams>): Promise<WriteResult> {
  if (builtinFunction(params.name)) {
    throw new AppError(ErrorCodes.CONFLICT, `„${params.name}“ ist eine eingebaute Funktion; bitte einen anderen Namen wählen.`);
  }
  checkParameterSchema(params.parameter_schema);
  if (params.type === "external_api" && !params.url) throw new AppError(ErrorCodes.MISSING_FIELD, "Für einen externen Aufruf wird eine URL benötigt.");
  let row: RetellCustomFunction;
  try {
    row = await ctx.db.retellCustomFunction.create({
      data: {
        companyId: ctx.companyId,
        name: params.name,
        type: params.type,
        description: params.description ?? null,
        url: params.type === "external_api" ? params.url : null,
        method: params.method,
        headers: sealHeaders(params.headers, ctx.companyId),
        parameterSchema: params.parameter_schema as Prisma.InputJsonValue,
        responseSchema: (params.response_schema ?? undefined) as Prisma.InputJsonValue | undefined,
        timeoutMs: params.timeout_ms,
        isEnabled: params.enabled,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(ErrorCodes.CONFLICT, `Eine Funktion „${params.name}“ gibt es bereits.`);
    throw error;
  }
  await forgetConfiguredFunctions(ctx.companyId);
  return { success: true, function: toDto(row), ...(await deploy(ctx, row)) };
}

export async function updateCustomFunction(ctx: ServiceContext, params: z.output<typeof updateCustomFunctionParams>): Promise<WriteResult> {
  const fn = await ownFunction(ctx, params.function_id);
  const u = params.updates;
  if (u.parameter_schema !== undefined) checkParameterSchema(u.parameter_schema);
  if (fn.type === "builtin") {
    const fixed = Object.keys(u).filter((k) => k !== "enabled" && k !== "description");
    if (fixed.length > 0) {
      throw new AppError(ErrorCodes.INVALID_INPUT, "Bei eingebauten Funktionen lassen sich nur Beschreibung und Aktivierung ändern.", { details: { fields: fixed } });
    }
  }
  const row = await ctx.db.retellCustomFunction.update({
    where: { id: fn.id },
    data: {
      ...(u.description !== undefined ? { description: u.description } : {}),
      ...(u.url !== undefined ? { url: u.url } : {}),
      ...(u.method !== undefined ? { method: u.method } : {}),
      ...(u.headers !== undefined ? { headers: sealHeaders(u.headers, ctx.companyId) } : {}),
      ...(u.parameter_schema !== undefined ? { parameterSchema: u.parameter_schema as Prisma.InputJsonValue } : {}),
      ...(u.response_schema !== undefined ? { responseSchema: (u.response_schema ?? undefined) as Prisma.InputJsonValue | undefined } : {}),
      ...(u.timeout_ms !== undefined ? { timeoutMs: u.timeout_ms } : {}),
      ...(u.enabled !== undefined ? { isEnabled: u.enabled } : {}),
    },
  });
  await forgetConfiguredFunctions(ctx.companyId);
  return { success: true, function: toDto(row), ...(await deploy(ctx, row)) };
}

export async function deleteCustomFunction(ctx: ServiceContext, params: { function_id: string }): Promise<{ deleted: boolean }> {
  const fn = await ownFunction(ctx, params.function_id);
  if (fn.type === "builtin") throw new AppError(ErrorCodes.INVALID_INPUT, "Eingebaute Funktionen lassen sich nur deaktivieren.");
  await ctx.db.retellCustomFunction.delete({ where: { id: fn.id } });
  await forgetConfiguredFunctions(ctx.companyId);
  return { deleted: true };
}

/**
 * The shared schema check (4004), with the validator's reasons in the message itself: doors
 * pass only the message on, and a form shows it next to the schema field.
 */
function checkParameterSchema(schema: unknown): void {
  try {
    assertParameterSchema(schema);
  } catch (error) {
    const reasons = isAppError(error) ? (error.details as { errors?: string[] } | undefined)?.errors : undefined;
    if (!isAppError(error) || !reasons?.length) throw error;
    const message = `${error.message.replace(/\.$/, "")}: ${[...new Set(reasons)].slice(0, 3).join("; ")}.`;
    throw new AppError(error.code, message, { details: error.details, cause: error });
  }
}

async function ownFunction(ctx: ServiceContext, id: string): Promise<RetellCustomFunction> {
  const builtinName = id.startsWith(UNSTORED_BUILTIN_PREFIX) ? id.slice(UNSTORED_BUILTIN_PREFIX.length) : null;
  if (builtinName !== null && builtinFunction(builtinName)) {
    await ensureBuiltInFunctions(ctx);
    return ctx.db.retellCustomFunction.findFirstOrThrow({ where: { companyId: ctx.companyId, name: builtinName, type: "builtin" } });
  }
  const fn = await ctx.db.retellCustomFunction.findFirst({ where: { id, companyId: ctx.companyId } });
  if (!fn) throw new AppError(ErrorCodes.NOT_FOUND, "Die Funktion wurde nicht gefunden.");
  return fn;
}

/** Deploys every enabled function (built-ins included) to the company's agents in one update per agent. */
export async function deployAllFunctions(ctx: ServiceContext): Promise<{ deployed_agents: string[]; functions: string[] }> {
  await ensureBuiltInFunctions(ctx);
  const rows = await ctx.db.retellCustomFunction.findMany({
    where: { isEnabled: true, OR: [{ companyId: ctx.companyId }, { companyId: null, isGlobal: true }] },
    orderBy: { name: "asc" },
  });
  const own = new Set(rows.filter((r) => r.companyId).map((r) => r.name));
  const tools = rows.filter((r) => r.companyId || !own.has(r.name)).map(toTool);
  const agents = await companyAgentIds(ctx);
  if (agents.length === 0) throw new AppError(ErrorCodes.RETELL_AGENT_NOT_FOUND, "Keiner Rufnummer ist ein Retell-Agent zugeordnet.");
  const client = await retellClientFor(ctx);
  for (const agentId of agents) await client.deployTools(agentId, tools);
  return { deployed_agents: agents, functions: tools.map((t) => t.name) };
}

/** Pushes an enabled function to the company's agents; a failure is reported, the saved change stays. */
async function deploy(ctx: ServiceContext, fn: RetellCustomFunction): Promise<Omit<WriteResult, "success" | "function">> {
  if (!fn.isEnabled) return { deployed: false, deployed_agents: [] };
  if ((await retellApiKeyOf(ctx)) === null) {
    return { deployed: false, deployed_agents: [], deploy_error: "Retell ist nicht verbunden." };
  }
  const agents = await companyAgentIds(ctx);
  if (agents.length === 0) return { deployed: false, deployed_agents: [], deploy_error: "Keiner Rufnummer ist ein Retell-Agent zugeordnet." };
  const deployedAgents: string[] = [];
  try {
    const client = await retellClientFor(ctx);
    for (const agentId of agents) {
      await client.deployTools(agentId, [toTool(fn)]);
      deployedAgents.push(agentId);
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { deployed: deployedAgents.length > 0, deployed_agents: deployedAgents, deploy_error: error.message };
  }
  return { deployed: true, deployed_agents: deployedAgents };
}

/** The Retell tool for a function: always our endpoint, which verifies, runs and answers. */
export function toTool(fn: Pick<RetellCustomFunction, "name" | "description" | "parameterSchema" | "timeoutMs">): RetellCustomTool {
  return {
    type: "custom",
    name: fn.name,
    url: appUrl(CUSTOM_FUNCTION_PATH),
    description: fn.description ?? fn.name,
    // Retell wants `properties` even for a function without parameters.
    parameters: { properties: {}, ...(fn.parameterSchema as object) } as RetellCustomTool["parameters"],
    speak_during_execution: true,
    execution_message_description: "Einen Moment bitte, ich schaue kurz nach.",
    timeout_ms: Math.max(fn.timeoutMs + 5_000, 10_000),
  };
}

function toDto(row: RetellCustomFunction): FunctionDto {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    description: row.description,
    parameters: row.parameterSchema,
    url: row.type === "external_api" ? row.url : null,
    method: row.method,
    headers: maskedHeaders(row.headers, row.companyId),
    timeout_ms: row.timeoutMs,
    enabled: row.isEnabled,
    is_global: row.isGlobal,
    last_used: row.lastUsedAt?.toISOString() ?? null,
    usage_count: row.usageCount,
  };
}
