/**
 * The one domain error type. Services throw it; each door (JSON-RPC, MCP, tRPC, Retell
 * routes) maps it once. Codes follow spec §8.1; the message is safe to show to a caller.
 */
export const ErrorCodes = {
  RETELL_INVALID_API_KEY: 1001,
  RETELL_AGENT_NOT_FOUND: 1002,
  RETELL_PHONE_NOT_CONFIGURED: 1003,
  RETELL_WEBHOOK_REGISTRATION_FAILED: 1004,
  RETELL_UNAVAILABLE: 1005,
  CALCOM_INVALID_API_KEY: 2001,
  CALCOM_EVENT_TYPE_NOT_FOUND: 2002,
  CALCOM_SLOT_NOT_AVAILABLE: 2003,
  CALCOM_BOOKING_FAILED: 2004,
  COMPANY_NOT_FOUND: 3001,
  BRANCH_NOT_RESOLVED: 3002,
  SERVICE_NOT_MAPPED: 3003,
  DATABASE_ERROR: 3004,
  NOT_FOUND: 3005,
  FORBIDDEN: 3006,
  CONFLICT: 3007,
  RATE_LIMITED: 3008,
  MISSING_FIELD: 4001,
  INVALID_DATE: 4002,
  INVALID_PHONE: 4003,
  SCHEMA_VALIDATION_FAILED: 4004,
  INVALID_INPUT: 4005,
  TOO_LATE_TO_MODIFY: 4006,
  OUTSIDE_BUSINESS_HOURS: 4007,
  DATE_IN_PAST: 4008,
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Short machine-readable type per code, sent as `error.data.type`. */
const errorTypes: Record<number, string> = {
  1001: "InvalidApiKey",
  1002: "AgentNotFound",
  1003: "PhoneNumberNotConfigured",
  1004: "WebhookRegistrationFailed",
  1005: "ServiceUnavailable",
  2001: "InvalidApiKey",
  2002: "EventTypeNotFound",
  2003: "SlotNotAvailable",
  2004: "ServiceUnavailable",
  3001: "CompanyNotFound",
  3002: "BranchNotResolved",
  3003: "ServiceNotMapped",
  3004: "DatabaseError",
  3005: "NotFound",
  3006: "Forbidden",
  3007: "Conflict",
  3008: "RateLimited",
  4001: "MissingField",
  4002: "InvalidDate",
  4003: "InvalidPhoneNumber",
  4004: "SchemaValidationFailed",
  4005: "InvalidInput",
  4006: "TooLateToModify",
  4007: "OutsideBusinessHours",
  4008: "DateInPast",
};

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
    return errorTypes[this.code] ?? "Error";
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export const DATABASE_UNAVAILABLE_MESSAGE = "Unser System ist gerade nicht erreichbar. Bitte versuchen Sie es in wenigen Sekunden noch einmal.";
/** Seconds a caller should wait before retrying after a database outage. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
