/**
 * Recognises "the database cannot be reached" among the errors Prisma, its PostgreSQL adapter
 * and node-postgres throw: unreachable server (P1001), closed connection (P1017, "Connection
 * terminated unexpectedly"), pool or connect timeouts (P2024, "timeout exceeded when trying to
 * connect"), a server shutting down (57P01-57P03, class 08), and maps them, for every door, to
 * the domain error 3004. Duck-typed: no database import needed.
 */
import { AppError, DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, ErrorCodes, isAppError } from "@/server/core/errors";
import { logger } from "@/server/platform/logger";

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1011", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionAlreadyClosed"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const MESSAGES = [/PGlite is closed/i, /connection terminated/i, /timeout exceeded when trying to connect/i, /can't reach database server/i, /server closed the connection/i, /connection.*(closed|ended)/i];

interface ErrorLike {
  name?: string;
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
}

function isPgOutageCode(code: unknown): boolean {
  return typeof code === "string" && (/^08/.test(code) || code === "57P01" || code === "57P02" || code === "57P03");
}

export function isDatabaseOutage(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 5) return false;
  const e = err as ErrorLike;
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code) || isPgOutageCode(e.code))) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (e.kind === "postgres" && isPgOutageCode(e.code)) return true;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (adapterCause && isDatabaseOutage(adapterCause, depth + 1)) return true;
  if (typeof e.message === "string" && e.name !== "PrismaClientValidationError" && MESSAGES.some((m) => m.test(e.message as string))) return true;
  return isDatabaseOutage(e.cause, depth + 1);
}

/** A one-line description for the log, instead of Prisma's multi-line invocation text. */
export function outageSummary(err: unknown): string {
  const e = (err ?? {}) as ErrorLike;
  const cause = e.meta?.driverAdapterError?.cause as ErrorLike | undefined;
  const parts = [e.name, typeof e.code === "string" ? e.code : undefined, cause?.kind, typeof cause?.code === "string" ? cause.code : undefined];
  const firstLine = typeof e.message === "string" ? e.message.trim().split("\n").pop()?.slice(0, 200) : undefined;
  return [...parts.filter(Boolean), firstLine].filter(Boolean).join(" ");
}

/** What a caller is told when the database refused a query (no details: they could reveal the schema). */
export const DATABASE_FAILURE_MESSAGE = "Datenbankfehler: Die Anfrage konnte nicht ausgeführt werden. Bitte versuchen Sie es später erneut.";

// Errors of a query the database (or Prisma's engine) refused. PrismaClientValidationError is not
// among them: it is a programming error before any query, answered as an internal error.
const QUERY_FAILURE_NAMES = new Set(["PrismaClientKnownRequestError", "PrismaClientUnknownRequestError", "PrismaClientRustPanicError", "DriverAdapterError"]);

/** A query failed in the database: a constraint, a missing table or column, a statement timeout. Services map the ones that are domain errors (unique violations) themselves. */
export function isDatabaseFailure(err: unknown): boolean {
  if (!err || typeof err !== "object") return false;
  const e = err as ErrorLike;
  return (typeof e.name === "string" && QUERY_FAILURE_NAMES.has(e.name)) || Boolean(e.meta?.driverAdapterError);
}

/**
 * What every door answers with: an AppError as it is, a database outage as 3004 with
 * `retryAfter`, any other failed query as 3004 without details (each logged once, as one
 * line); null for anything else (an internal error).
 */
export function toAppError(e: unknown, log: { door: string; correlationId?: string } = { door: "unknown" }): AppError | null {
  if (isAppError(e)) return e;
  if (isDatabaseOutage(e)) {
    logger.error({ code: ErrorCodes.DATABASE_ERROR, door: log.door, correlation_id: log.correlationId, cause: outageSummary(e) }, "database unreachable");
    return new AppError(ErrorCodes.DATABASE_ERROR, DATABASE_UNAVAILABLE_MESSAGE, { retryAfter: DATABASE_RETRY_AFTER_SECONDS, cause: e });
  }
  if (isDatabaseFailure(e)) {
    logger.error({ code: ErrorCodes.DATABASE_ERROR, door: log.door, correlation_id: log.correlationId, cause: outageSummary(e) }, "database query failed");
    return new AppError(ErrorCodes.DATABASE_ERROR, DATABASE_FAILURE_MESSAGE, { cause: e });
  }
  return null;
}
