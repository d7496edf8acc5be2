import "@/server/composition";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import { toAppError } from "@/server/platform/db/outage";
import { DATABASE_RETRY_AFTER_SECONDS, ErrorCodes } from "@/server/core/errors";
import { logger } from "@/server/platform/logger";
import { defaultDb, reportUnexpectedError } from "@/server/platform/error-report";
import { MethodNotFoundError } from "@/server/core/dispatch";
import { getRegistry, type Registry } from "@/server/core/registry";
import { authenticate, readBodyLimited, type DoorOptions } from "@/server/doors/jsonrpc/http-door";
import { CORRELATION_HEADER, correlationIdFrom, jsonResponse } from "@/server/doors/request-kit";
import { RpcCodes } from "@/server/doors/jsonrpc/protocol";
import type { AuthenticatedToken } from "@/server/services/tokens";
import { isAllowedOrigin } from "./origin";
import { callTool, listTools } from "./tools";

export interface McpHandlerOptions extends DoorOptions {
  registry?: Registry;
}

const SERVER_INFO = { name: "askproai", title: "AskProAI", version: "1.0.0" };
const INSTRUCTIONS =
  "AskProAI: Termine, Kunden, Filialen und Einstellungen eines Terminbetriebs. Jede Methode des Dienstverzeichnisses ist ein Werkzeug; mcp.discover beschreibt alle.";

/**
 * The Model Context Protocol endpoint (/mcp), Streamable HTTP in stateless mode: every POST
 * carries one JSON-RPC message and gets a JSON answer; the same API tokens authenticate
 * (Bearer or X-MCP-Token). Batches are refused, as MCP 2025-06-18 and later require.
 */
export function createMcpHandler(opts: McpHandlerOptions = {}): (request: Request) => Promise<Response> {
  return async (request) => {
    const correlationId = correlationIdFrom(request.headers);
    try {
      return withHeader(await handle(request, correlationId, opts), correlationId);
    } catch (err) {
      const appError = toAppError(err, { door: "mcp", correlationId });
      if (appError?.code === ErrorCodes.DATABASE_ERROR) {
        const retryAfter = appError.retryAfter ?? DATABASE_RETRY_AFTER_SECONDS;
        const data = { type: appError.type, retry_after: retryAfter };
        return withHeader(rpcError(503, appError.code, appError.message, { "retry-after": String(retryAfter) }, data), correlationId);
      }
      logger.error({ err, correlation_id: correlationId }, "mcp endpoint failed");
      reportUnexpectedError(err, { db: opts.db ?? defaultDb, companyId: null, where: "mcp", correlationId });
      return withHeader(rpcError(500, RpcCodes.INTERNAL_ERROR, "Interner Fehler"), correlationId);
    }
  };
}

async function handle(request: Request, correlationId: string, opts: McpHandlerOptions): Promise<Response> {
  if (!isAllowedOrigin(request.headers.get("origin"))) {
    return rpcError(403, RpcCodes.INVALID_REQUEST, "Herkunft (Origin) nicht erlaubt.");
  }
  if (request.method !== "POST") {
    // Stateless: no server-initiated stream (GET) and no session to end (DELETE).
    return rpcError(405, RpcCodes.INVALID_REQUEST, "Nur POST ist erlaubt.", { allow: "POST" });
  }
  const auth = await authenticate(request.headers, opts);
  if (!auth) {
    return rpcError(401, RpcCodes.UNAUTHORIZED, "Nicht angemeldet: gültiges API-Token erforderlich.", {
      "www-authenticate": 'Bearer realm="askproai"',
    });
  }
  const text = await readBodyLimited(request);
  if (text === null) return rpcError(413, RpcCodes.INVALID_REQUEST, "Die Anfrage ist zu groß.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return rpcError(400, RpcCodes.PARSE_ERROR, "Ungültiges JSON.");
  }
  if (Array.isArray(body)) {
    return rpcError(400, RpcCodes.INVALID_REQUEST, "JSON-RPC-Batches werden von diesem MCP-Endpunkt nicht unterstützt.");
  }

  const server = buildServer(auth.token, correlationId, { ...opts, db: auth.db });
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request, { parsedBody: body });
  } finally {
    void server.close();
  }
}

function buildServer(token: AuthenticatedToken, correlationId: string, opts: McpHandlerOptions): Server {
  const registry = opts.registry ?? getRegistry();
  const server = new Server(SERVER_INFO, { capabilities: { tools: { listChanged: false }, logging: {} }, instructions: INSTRUCTIONS });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: listTools(registry, token.allowedServers) }));
  server.setRequestHandler(CallToolRequestSchema, async (req) => {
    try {
      return await callTool(req.params.name, req.params.arguments, {
        companyId: token.companyId,
        actor: { type: "token", id: token.id, name: token.name, allowedServers: token.allowedServers },
        correlationId,
        db: opts.db,
        now: opts.now,
        registry,
      });
    } catch (err) {
      if (err instanceof MethodNotFoundError) throw new McpError(ErrorCode.InvalidParams, `Unbekanntes Werkzeug: ${req.params.name.slice(0, 100)}`);
      throw err;
    }
  });
  return server;
}

function rpcError(status: number, code: number, message: string, headers: Record<string, string> = {}, data?: Record<string, unknown>): Response {
  return jsonResponse({ jsonrpc: "2.0", id: null, error: { code, message, ...(data ? { data } : {}) } }, status, undefined, headers);
}

function withHeader(response: Response, correlationId: string): Response {
  try {
    response.headers.set(CORRELATION_HEADER, correlationId);
    return response;
  } catch {
    // Immutable headers: copy.
    const headers = new Headers(response.headers);
    headers.set(CORRELATION_HEADER, correlationId);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/** /mcp with the process-wide database and registry (what the route exports). */
export const handleMcpRequest = createMcpHandler();
