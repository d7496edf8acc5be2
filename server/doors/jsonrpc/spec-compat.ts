/**
 * Answers in the specification's form, for callers that ask with `X-MCP-Compat: spec`
 * (docs/api-compat.md). Without the header nothing changes.
 *
 * - A refusal (the request was understood and a business rule says no: too late to change,
 *   slot taken, not found, invalid input; every domain error whose HTTP meaning is 4xx except
 *   401/403/429) is a result, as §5.2 answers it: `{ success: false, message, error_code, error_type }`.
 *   Failures of the system (unreachable services, the database, rate limits) stay JSON-RPC
 *   error objects with `retry_after` (§2.3), as do protocol errors (-326xx).
 * - A `company_id` naming another company than the token's is refused as §12.1 does:
 *   code -32700, HTTP 401.
 */
import { COMPANY_MISMATCH } from "@/server/core/dispatch";
import { errorSpec, isAppError } from "@/server/core/errors";
import { RpcCodes, type JsonRpcErrorObject } from "./protocol";

export const COMPAT_HEADER = "x-mcp-compat";

export function wantsSpecShape(headers: Headers): boolean {
  return headers.get(COMPAT_HEADER)?.trim().toLowerCase() === "spec";
}

export interface SpecRefusal {
  success: false;
  message: string;
  error_code: number;
  error_type: string;
}

const NOT_REFUSALS = new Set([401, 403, 429]);

/** The refusal as a result, or null when the error is no refusal. */
export function specRefusal(err: unknown): SpecRefusal | null {
  if (!isAppError(err)) return null;
  const http = errorSpec(err.code)?.http;
  if (http === undefined || http < 400 || http >= 500 || NOT_REFUSALS.has(http)) return null;
  return { success: false, message: err.message, error_code: err.code, error_type: err.type };
}

/** §12.1's answer to a company_id of another company, or null for any other error. */
export function specCompanyMismatch(err: unknown): JsonRpcErrorObject | null {
  if (!isAppError(err) || (err.details as { reason?: unknown } | undefined)?.reason !== COMPANY_MISMATCH) return null;
  return { code: RpcCodes.PARSE_ERROR, message: "Ungültige Anmeldung: Das Token gehört zu einer anderen Firma.", data: { type: "Unauthorized" } };
}
