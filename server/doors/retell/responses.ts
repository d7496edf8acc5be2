import { jsonResponse } from "@/server/doors/request-kit";
import { toAppError } from "@/server/platform/db/outage";
import { DATABASE_RETRY_AFTER_SECONDS, ErrorCodes, type AppError } from "@/server/core/errors";

/** JSON answers of the Retell doors. Refusals carry a short message and nothing else. */
export function json(status: number, body: unknown): Response {
  return jsonResponse(body, status);
}

export function refuse(status: 400 | 401 | 404 | 413 | 500, error: string): Response {
  return json(status, { error });
}

/** 503 with the sentence the agent can say, the code and when to retry (database unreachable). */
export function unavailable(err: AppError): Response {
  const retryAfter = err.retryAfter ?? DATABASE_RETRY_AFTER_SECONDS;
  return jsonResponse({ success: false, message: err.message, error_code: err.code, retry_after: retryAfter }, 503, undefined, {
    "retry-after": String(retryAfter),
  });
}

/** Runs a Retell door; a database outage anywhere in it answers 503 instead of an empty 500. */
export async function withOutageAnswer(door: string, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    const appError = toAppError(err, { door });
    if (appError?.code === ErrorCodes.DATABASE_ERROR) return unavailable(appError);
    throw err;
  }
}
