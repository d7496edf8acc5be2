/** JSON-RPC 2.0 envelope types and validation (https://www.jsonrpc.org/specification). */

export type JsonRpcId = string | number | null;

export const RpcCodes = {
  PARSE_ERROR: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  INTERNAL_ERROR: -32603,
  /** Application code: missing, unknown or revoked API token. */
  UNAUTHORIZED: -32001,
} as const;

export interface JsonRpcErrorObject {
  code: number;
  message: string;
  data?: Record<string, unknown>;
}

export type JsonRpcResponse =
  | { jsonrpc: "2.0"; id: JsonRpcId; result: unknown }
  | { jsonrpc: "2.0"; id: JsonRpcId; error: JsonRpcErrorObject };

export interface ValidRequest {
  ok: true;
  method: string;
  params: unknown;
  id: JsonRpcId;
  /** No `id` member: the caller wants no answer. */
  notification: boolean;
}

export interface InvalidRequest {
  ok: false;
  /** The request's id when it was readable, else null. */
  id: JsonRpcId;
  message: string;
}

function isId(value: unknown): value is JsonRpcId {
  return value === null || typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

/** Checks one request object of a single call or batch. */
export function validateRequest(value: unknown): ValidRequest | InvalidRequest {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, id: null, message: "Anfrage muss ein JSON-RPC-Objekt sein." };
  }
  const obj = value as Record<string, unknown>;
  const hasId = Object.hasOwn(obj, "id");
  const id = hasId && isId(obj.id) ? obj.id : null;
  if (hasId && !isId(obj.id)) return { ok: false, id: null, message: "Die id muss ein String, eine Zahl oder null sein." };
  if (obj.jsonrpc !== "2.0") return { ok: false, id, message: 'Das Feld "jsonrpc" muss "2.0" sein.' };
  if (typeof obj.method !== "string" || obj.method.length === 0) {
    return { ok: false, id, message: 'Das Feld "method" muss ein nicht leerer String sein.' };
  }
  if (Object.hasOwn(obj, "params") && (obj.params === null || typeof obj.params !== "object")) {
    return { ok: false, id, message: 'Das Feld "params" muss ein Objekt oder Array sein.' };
  }
  return { ok: true, method: obj.method, params: obj.params, id, notification: !hasId };
}

export function success(id: JsonRpcId, result: unknown): JsonRpcResponse {
  return { jsonrpc: "2.0", id, result };
}

export function failure(id: JsonRpcId, error: JsonRpcErrorObject): JsonRpcResponse {
  return { jsonrpc: "2.0", id, error };
}
