import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { toAppError } from "@/server/platform/db/outage";
import { logger } from "@/server/platform/logger";
import { callMethod, InvalidParamsError, MethodNotFoundError, type DoorContext } from "@/server/core/dispatch";
import { jsonSchemaOf } from "@/server/core/json-schema";
import type { Registry } from "@/server/core/registry";
import type { MethodDef } from "@/server/core/types";
import { tokenMayCall } from "@/server/core/token-scopes";

/**
 * Each registry method is one MCP tool under its own name: MCP tool names may contain
 * A-Z a-z 0-9 "_" "-" "." (1-128 characters), so `appointments.find` stays `appointments.find`.
 */
const TOOL_NAME = /^[A-Za-z0-9._-]{1,128}$/;

export function toolFor(method: MethodDef): Tool {
  if (!TOOL_NAME.test(method.name)) throw new Error(`Method name ${method.name} is not a valid MCP tool name`);
  const output = jsonSchemaOf(method.result, "output");
  return {
    name: method.name,
    description: method.description,
    inputSchema: { type: "object", ...jsonSchemaOf(method.params, "input") } as Tool["inputSchema"],
    // MCP output schemas must describe an object; results of other shapes go out as text only.
    ...(output.type === "object" ? { outputSchema: output as Tool["outputSchema"] } : {}),
    annotations: {
      readOnlyHint: method.kind === "read",
      destructiveHint: method.kind === "write",
      idempotentHint: method.kind === "read",
      openWorldHint: false,
    },
  };
}

/** The tools a caller may see: the methods its token's grants allow (and `mcp`). */
export function listTools(registry: Registry, allowedServers: readonly string[]): Tool[] {
  return registry
    .allMethods()
    .filter(({ server, method }) => tokenMayCall(allowedServers, server, method))
    .map(({ method }) => toolFor(method));
}

function errorResult(text: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text }] };
}

/**
 * Runs a tool through `callMethod`. Business errors come back as tool results with
 * `isError` (the model can read and react to them); only an unknown tool is a protocol error.
 */
export async function callTool(name: string, args: unknown, door: DoorContext): Promise<CallToolResult> {
  try {
    const { data } = await callMethod(name, args ?? {}, door);
    const structured = data !== null && typeof data === "object" && !Array.isArray(data);
    return {
      content: [{ type: "text", text: JSON.stringify(data) }],
      ...(structured ? { structuredContent: data as Record<string, unknown> } : {}),
    };
  } catch (err) {
    if (err instanceof MethodNotFoundError) throw err;
    const appError = toAppError(err, { door: "mcp", correlationId: door.correlationId });
    if (appError) {
      const retry = appError.retryAfter === undefined ? "" : ` [retry_after=${appError.retryAfter}s]`;
      return errorResult(`Fehler ${appError.code} (${appError.type}): ${appError.message}${retry}`);
    }
    if (err instanceof InvalidParamsError) {
      const issues = err.issues.map((i) => `${i.path.join(".") || "(Eingabe)"}: ${i.message}`).join("; ");
      return errorResult(`Ungültige Parameter: ${issues}`);
    }
    logger.error({ err, correlation_id: door.correlationId, tool: name }, "mcp tool call failed");
    return errorResult("Interner Fehler");
  }
}
