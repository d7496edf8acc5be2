import { isAppError } from "@/server/errors";
import { InvalidParamsError, MethodNotFoundError } from "@/server/mcp/dispatch";
import { RpcCodes, type JsonRpcErrorObject } from "./protocol";

/**
 * Maps anything `callMethod` throws to a JSON-RPC error object, once for every door that
 * speaks JSON-RPC. Unexpected errors become -32603 with no internals (`internal: true`).
 */
export function toRpcError(err: unknown): { error: JsonRpcErrorObject; internal: boolean } {
  if (isAppError(err)) {
    const data: Record<string, unknown> = { type: err.type };
    if (err.retryAfter !== undefined) data.retry_after = err.retryAfter;
    return { error: { code: err.code, message: err.message, data }, internal: false };
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

export function internalError(): JsonRpcErrorObject {
  return { code: RpcCodes.INTERNAL_ERROR, message: "Interner Fehler", data: { type: "InternalError" } };
}
