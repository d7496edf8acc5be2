/** Turns retell-sdk errors into what `runResilient` and the callers expect. */
import { APIError } from "retell-sdk";
import { AppError, ErrorCodes, type ErrorCode } from "@/server/core/errors";
import { UpstreamHttpError, isUpstreamFailureStatus } from "@/server/platform/resilience";

export interface RetellErrorMeaning {
  /** What a 404 means for this call. */
  notFound: { code: ErrorCode; message: string };
  /** What a rejected request (400, 422, ...) means for this call. */
  rejected?: { code: ErrorCode; message: string };
}

export const agentNotFound = { code: ErrorCodes.RETELL_AGENT_NOT_FOUND, message: "Der Retell-Agent wurde nicht gefunden." };
export const phoneNumberNotFound = {
  code: ErrorCodes.RETELL_PHONE_NOT_CONFIGURED,
  message: "Die Telefonnummer ist bei Retell nicht eingerichtet.",
};
export const llmNotFound = { code: ErrorCodes.RETELL_AGENT_NOT_FOUND, message: "Das Retell-LLM des Agenten wurde nicht gefunden." };
export const voicesNotFound = { code: ErrorCodes.NOT_FOUND, message: "Retell hat keine Stimmen geliefert." };
export const webhookRejected = {
  code: ErrorCodes.RETELL_WEBHOOK_REGISTRATION_FAILED,
  message: "Der Webhook konnte bei Retell nicht eingetragen werden.",
};

const requestRejected = { code: ErrorCodes.INVALID_INPUT, message: "Retell hat die Anfrage abgelehnt." };

/** Connection errors and everything that is not an HTTP answer pass through unchanged. */
export function retellFailure(error: unknown, meaning: RetellErrorMeaning): unknown {
  if (!(error instanceof APIError) || error.status === undefined || !error.headers) return error;
  const { status, headers } = error;
  if (isUpstreamFailureStatus(status)) return new UpstreamHttpError(status, headers, error.message);
  const details = { status, message: error.message };
  if (status === 401 || status === 403) {
    return new AppError(ErrorCodes.RETELL_INVALID_API_KEY, "Der Retell-API-Schlüssel ist ungültig.", { details });
  }
  const { code, message } = status === 404 ? meaning.notFound : (meaning.rejected ?? requestRejected);
  return new AppError(code, message, { details });
}
