import "@/server/composition";
import { performance } from "node:perf_hooks";
import { logger } from "@/server/platform/logger";
import { defaultDb, reportUnexpectedError } from "@/server/platform/error-report";
import { callMethod } from "@/server/core/dispatch";
import type { Registry } from "@/server/core/registry";
import type { AuthenticatedToken } from "@/server/services/tokens";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { httpStatusOf, toRpcError } from "./errors";
import { authenticate, readBodyLimited, type DoorOptions } from "./http-door";
import { CORRELATION_HEADER, correlationIdFrom, jsonResponse } from "@/server/doors/request-kit";
import { failure, RpcCodes, success, validateRequest, type JsonRpcResponse } from "./protocol";
import { specCompanyMismatch, specRefusal, wantsSpecShape } from "./spec-compat";

export const MAX_BATCH_SIZE = 100;

export interface RpcHandlerOptions extends DoorOptions {
  registry?: Registry;
}

interface Caller {
  token: AuthenticatedToken;
  db: PrismaClient;
  correlationId: string;
  /** `X-MCP-Compat: spec`: refusals as results, as the specification answers them (./spec-compat.ts). */
  specShape: boolean;
}

/** One answered call: its response (null for notifications) and the HTTP status it would earn alone. */
interface Answer {
  response: JsonRpcResponse | null;
  status: number;
}

/**
 * The JSON-RPC 2.0 gateway (POST /api/mcp) as a fetch handler: token authentication, single
 * calls, batches and notifications, each call through `callMethod`.
 */
export function createRpcHandler(opts: RpcHandlerOptions = {}): (request: Request) => Promise<Response> {
  return async (request) => {
    const correlationId = correlationIdFrom(request.headers);
    try {
      return await handle(request, correlationId, opts);
    } catch (err) {
      // Before any call ran (authentication reads the database): the same mapping as for calls.
      const { error, internal } = toRpcError(err, { door: "json-rpc", correlationId });
      if (internal) {
        logger.error({ err, correlation_id: correlationId }, "json-rpc gateway failed");
        reportUnexpectedError(err, { db: opts.db ?? defaultDb, companyId: null, where: "json-rpc", correlationId });
      }
      const response = failure(null, error);
      return jsonResponse(response, httpStatusOf(error, internal), correlationId, retryAfterHeader(response));
    }
  };
}

async function handle(request: Request, correlationId: string, opts: RpcHandlerOptions): Promise<Response> {
  if (request.method !== "POST") {
    return jsonResponse(failure(null, { code: RpcCodes.INVALID_REQUEST, message: "Nur POST ist erlaubt.", data: { type: "MethodNotAllowed" } }), 405, correlationId, {
      allow: "POST",
    });
  }
  const auth = await authenticate(request.headers, opts);
  if (!auth) {
    const error = { code: RpcCodes.UNAUTHORIZED, message: "Nicht angemeldet: gültiges API-Token erforderlich.", data: { type: "Unauthorized" } };
    return jsonResponse(failure(null, error), 401, correlationId, { "www-authenticate": 'Bearer realm="askproai"' });
  }
  const text = await readBodyLimited(request);
  if (text === null) {
    return jsonResponse(failure(null, { code: RpcCodes.INVALID_REQUEST, message: "Die Anfrage ist zu groß.", data: { type: "PayloadTooLarge" } }), 413, correlationId);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonResponse(failure(null, { code: RpcCodes.PARSE_ERROR, message: "Ungültiges JSON.", data: { type: "ParseError" } }), 400, correlationId);
  }

  const caller: Caller = { ...auth, correlationId, specShape: wantsSpecShape(request.headers) };
  if (!Array.isArray(body)) {
    const answer = await answerOne(body, caller, opts);
    return answer.response ? jsonResponse(answer.response, answer.status, correlationId, retryAfterHeader(answer.response)) : empty(correlationId);
  }
  if (body.length === 0) return jsonResponse(invalid(null, "Ein Batch darf nicht leer sein."), 400, correlationId);
  if (body.length > MAX_BATCH_SIZE) return jsonResponse(invalid(null, `Ein Batch darf höchstens ${MAX_BATCH_SIZE} Aufrufe enthalten.`), 400, correlationId);
  const answers = await Promise.all(body.map((item) => answerOne(item, caller, opts)));
  const responses = answers.flatMap((a) => (a.response ? [a.response] : []));
  return responses.length ? jsonResponse(responses, 200, correlationId) : empty(correlationId);
}

async function answerOne(item: unknown, caller: Caller, opts: RpcHandlerOptions): Promise<Answer> {
  const req = validateRequest(item);
  if (!req.ok) return { response: invalid(req.id, req.message), status: 400 };
  const answer = (response: JsonRpcResponse, status: number): Answer => ({ response: req.notification ? null : response, status });
  if (Array.isArray(req.params)) {
    const error = { code: RpcCodes.INVALID_PARAMS, message: "Parameter müssen als Objekt übergeben werden.", data: { type: "InvalidParams" } };
    return answer(failure(req.id, error), 200);
  }
  const started = performance.now();
  try {
    const { data, cached } = await callMethod(req.method, req.params, {
      companyId: caller.token.companyId,
      actor: { type: "token", id: caller.token.id, name: caller.token.name, allowedServers: caller.token.allowedServers },
      correlationId: caller.correlationId,
      db: caller.db,
      now: opts.now,
      registry: opts.registry,
    });
    return answer(success(req.id, { success: true, data, metadata: { cached, processing_time_ms: elapsedMs(started), correlation_id: caller.correlationId } }), 200);
  } catch (err) {
    if (caller.specShape) {
      const mismatch = specCompanyMismatch(err);
      if (mismatch) return answer(failure(req.id, mismatch), 401);
      const refusal = specRefusal(err);
      if (refusal) return answer(success(req.id, { ...refusal, metadata: { cached: false, processing_time_ms: elapsedMs(started), correlation_id: caller.correlationId } }), 200);
    }
    const { error, internal } = toRpcError(err, { door: "json-rpc", correlationId: caller.correlationId });
    if (internal) logger.error({ err, correlation_id: caller.correlationId, method: req.method.slice(0, 100) }, "json-rpc call failed");
    return answer(failure(req.id, error), httpStatusOf(error, internal));
  }
}

function elapsedMs(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

function invalid(id: JsonRpcResponse["id"], message: string): JsonRpcResponse {
  return failure(id, { code: RpcCodes.INVALID_REQUEST, message, data: { type: "InvalidRequest" } });
}

function retryAfterHeader(response: JsonRpcResponse): Record<string, string> {
  const retry = "error" in response ? response.error.data?.retry_after : undefined;
  return typeof retry === "number" ? { "retry-after": String(retry) } : {};
}

function empty(correlationId: string): Response {
  return new Response(null, { status: 204, headers: { [CORRELATION_HEADER]: correlationId } });
}

/** The gateway with the process-wide database and registry (what the route exports). */
export const handleRpcRequest = createRpcHandler();
