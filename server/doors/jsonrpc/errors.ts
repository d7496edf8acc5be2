import { toAppError } from "@/server/platform/db/outage";
import { ErrorCodes } from "@/server/core/errors";
import { InvalidParamsError, MethodNotFoundError } from "@/server/core/dispatch";
import { RpcCodes, type JsonRpcErrorObject } from "./protocol";

/**
 * Maps anything `callMethod` throws to a JSON-RPC error object, once for every door that
 * speaks JSON-RPC. Unexpected errors become -32603 with no internals (`internal: true`).
 */
export function toRpcError(err: unknown, log: { door: string; correlationId?: string } = { door: "json-rpc" }): { error: JsonRpcErrorObject; internal: boolean } {
  const appError = toAppError(err, log);
  if (appError) {
    const data: Record<string, unknown> = { type: appError.type };
    if (appError.retryAfter !== undefined) data.retry_after = appError.retryAfter;
    return { error: { code: appError.code, message: appError.message, data }, internal: false };
  }
  if (err instanceof MethodNotFoundError) {
    return {
      error: { code: RpcCodes.METHOD_NOT_FOUND, message: `Methode nicht gefunden: ${err.method.slice(0, 100)}`, data: { type: "MethodNotFound" } },
      internal: false,
    };
  }
  if (err instanceof InvalidParamsError) {
    return {
      error: { code: RpcCodes.INVALID_PARAMS, message: "Ungültige Parameter", data: { type: "InvalidParams", issues: err.issues } },
      internal: false,
    };
  }
  return { error: internalError(), internal: true };
}

/** The HTTP status a single JSON-RPC error earns: 429 rate limited, 503 database unreachable, 500 internal, else 200. */
export function httpStatusOf(error: JsonRpcErrorObject, internal: boolean): number {
  if (error.code === ErrorCodes.RATE_LIMITED) return 429;
  if (error.code === ErrorCodes.DATABASE_ERROR) return 503;
  return internal ? 500 : 200;
}

export function internalError(): JsonRpcErrorObject {
  return { code: RpcCodes.INTERNAL_ERROR, message: "Interner Fehler", data: { type: "InternalError" } };
}
