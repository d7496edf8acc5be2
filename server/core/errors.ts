/**
 * The one domain error type. Services throw it; each door (JSON-RPC, MCP, tRPC, Retell
 * routes) maps it once. Codes are the product's numeric error codes (1000-4999); the message is safe to show to a caller.
 */
/** A tRPC error code name (kept here as text so core does not depend on tRPC). */
export type TrpcCodeName =
  | "BAD_REQUEST"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS"
  | "INTERNAL_SERVER_ERROR"
  | "BAD_GATEWAY"
  | "SERVICE_UNAVAILABLE";

interface ErrorSpec {
  code: number;
  /** Short machine-readable type, sent as `error.data.type`. */
  type: string;
  trpc: TrpcCodeName;
  http: number;
}

/** Every domain error code, once: each door reads what it needs from here. */
const errorTable = {
  RETELL_INVALID_API_KEY: { code: 1001, type: "InvalidApiKey", trpc: "PRECONDITION_FAILED", http: 412 },
  RETELL_AGENT_NOT_FOUND: { code: 1002, type: "AgentNotFound", trpc: "NOT_FOUND", http: 404 },
  RETELL_PHONE_NOT_CONFIGURED: { code: 1003, type: "PhoneNumberNotConfigured", trpc: "PRECONDITION_FAILED", http: 412 },
  RETELL_WEBHOOK_REGISTRATION_FAILED: { code: 1004, type: "WebhookRegistrationFailed", trpc: "BAD_GATEWAY", http: 502 },
  RETELL_UNAVAILABLE: { code: 1005, type: "ServiceUnavailable", trpc: "SERVICE_UNAVAILABLE", http: 503 },
  CALCOM_INVALID_API_KEY: { code: 2001, type: "InvalidApiKey", trpc: "PRECONDITION_FAILED", http: 412 },
  CALCOM_EVENT_TYPE_NOT_FOUND: { code: 2002, type: "EventTypeNotFound", trpc: "NOT_FOUND", http: 404 },
  CALCOM_SLOT_NOT_AVAILABLE: { code: 2003, type: "SlotNotAvailable", trpc: "CONFLICT", http: 409 },
  CALCOM_BOOKING_FAILED: { code: 2004, type: "ServiceUnavailable", trpc: "BAD_GATEWAY", http: 502 },
  STRIPE_NOT_CONFIGURED: { code: 2101, type: "PaymentsNotConfigured", trpc: "PRECONDITION_FAILED", http: 412 },
  STRIPE_INVALID_API_KEY: { code: 2102, type: "InvalidApiKey", trpc: "PRECONDITION_FAILED", http: 412 },
  STRIPE_UNAVAILABLE: { code: 2103, type: "ServiceUnavailable", trpc: "SERVICE_UNAVAILABLE", http: 503 },
  PAYMENT_NOT_POSSIBLE: { code: 2104, type: "PaymentNotPossible", trpc: "PRECONDITION_FAILED", http: 412 },
  PAYMENT_DECLINED: { code: 2105, type: "PaymentDeclined", trpc: "PRECONDITION_FAILED", http: 402 },
  COMPANY_NOT_FOUND: { code: 3001, type: "CompanyNotFound", trpc: "NOT_FOUND", http: 404 },
  BRANCH_NOT_RESOLVED: { code: 3002, type: "BranchNotResolved", trpc: "PRECONDITION_FAILED", http: 412 },
  SERVICE_NOT_MAPPED: { code: 3003, type: "ServiceNotMapped", trpc: "PRECONDITION_FAILED", http: 412 },
  DATABASE_ERROR: { code: 3004, type: "DatabaseError", trpc: "SERVICE_UNAVAILABLE", http: 503 },
  NOT_FOUND: { code: 3005, type: "NotFound", trpc: "NOT_FOUND", http: 404 },
  FORBIDDEN: { code: 3006, type: "Forbidden", trpc: "FORBIDDEN", http: 403 },
  CONFLICT: { code: 3007, type: "Conflict", trpc: "CONFLICT", http: 409 },
  RATE_LIMITED: { code: 3008, type: "RateLimited", trpc: "TOO_MANY_REQUESTS", http: 429 },
  MISSING_FIELD: { code: 4001, type: "MissingField", trpc: "BAD_REQUEST", http: 400 },
  INVALID_DATE: { code: 4002, type: "InvalidDate", trpc: "BAD_REQUEST", http: 400 },
  INVALID_PHONE: { code: 4003, type: "InvalidPhoneNumber", trpc: "BAD_REQUEST", http: 400 },
  SCHEMA_VALIDATION_FAILED: { code: 4004, type: "SchemaValidationFailed", trpc: "BAD_REQUEST", http: 400 },
  INVALID_INPUT: { code: 4005, type: "InvalidInput", trpc: "BAD_REQUEST", http: 400 },
  TOO_LATE_TO_MODIFY: { code: 4006, type: "TooLateToModify", trpc: "BAD_REQUEST", http: 400 },
  OUTSIDE_BUSINESS_HOURS: { code: 4007, type: "OutsideBusinessHours", trpc: "BAD_REQUEST", http: 400 },
  DATE_IN_PAST: { code: 4008, type: "DateInPast", trpc: "BAD_REQUEST", http: 400 },
} as const satisfies Record<string, ErrorSpec>;

type ErrorTable = typeof errorTable;

export const ErrorCodes = Object.fromEntries(Object.entries(errorTable).map(([name, spec]) => [name, spec.code])) as {
  readonly [K in keyof ErrorTable]: ErrorTable[K]["code"];
};

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** JSON-RPC's code for params that fail their schema: the caller's input, like a validation error. */
export const INVALID_PARAMS_CODE = -32602;

/**
 * Refusals: answers the business means to give (the slot is taken, the salon is closed then, the
 * caller's input is invalid, too many requests, no permission). They are not failures of AskProAI
 * and do not count towards the overview's error rate; every other code (dependencies, database,
 * set-up, unexpected errors) does.
 */
export const REFUSAL_CODES: ReadonlySet<number> = new Set<number>([
  ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE,
  ErrorCodes.PAYMENT_DECLINED,
  ErrorCodes.NOT_FOUND,
  ErrorCodes.FORBIDDEN,
  ErrorCodes.CONFLICT,
  ErrorCodes.RATE_LIMITED,
  ErrorCodes.MISSING_FIELD,
  ErrorCodes.INVALID_DATE,
  ErrorCodes.INVALID_PHONE,
  ErrorCodes.SCHEMA_VALIDATION_FAILED,
  ErrorCodes.INVALID_INPUT,
  ErrorCodes.TOO_LATE_TO_MODIFY,
  ErrorCodes.OUTSIDE_BUSINESS_HOURS,
  ErrorCodes.DATE_IN_PAST,
  INVALID_PARAMS_CODE,
]);

/** True when a call that ended with this code failed (as opposed to a refusal). */
export function isFailureCode(code: number): boolean {
  return !REFUSAL_CODES.has(code);
}

const specsByCode = new Map<number, ErrorSpec>(Object.values(errorTable).map((spec) => [spec.code, spec]));

/** The table's row for a code; undefined for a code that is not in it. */
export function errorSpec(code: number): ErrorSpec | undefined {
  return specsByCode.get(code);
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfter?: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, opts: { retryAfter?: number; details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.retryAfter = opts.retryAfter;
    this.details = opts.details;
  }

  get type(): string {
    return errorSpec(this.code)?.type ?? "Error";
  }
}

/**
 * Also by shape: Next can load this module once per bundle layer, and an AppError thrown in one
 * copy must still be recognised by the door's mapping in another.
 */
export function isAppError(e: unknown): e is AppError {
  if (e instanceof AppError) return true;
  return e instanceof Error && e.name === "AppError" && typeof (e as { code?: unknown }).code === "number";
}

export const DATABASE_UNAVAILABLE_MESSAGE = "Unser System ist gerade nicht erreichbar. Bitte versuchen Sie es in wenigen Sekunden noch einmal.";
/** Seconds a caller should wait before retrying after a database outage. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
