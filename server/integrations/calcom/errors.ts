/** Turns a failed Cal.com answer into what `runResilient` and the callers expect. */
import { AppError, ErrorCodes } from "@/server/core/errors";
import { UpstreamHttpError, isUpstreamFailureStatus } from "@/server/platform/resilience";
import { errorEnvelopeSchema } from "./schemas";

/** What a 404 refers to: the event type of the request, or the booking in its path. */
export type CalcomSubject = "eventType" | "booking";

// Cal.com answers 400 for a taken slot and for times it will not book (past, notice, window).
const unavailableSlot = /already has booking|not available|no available users|in the past|minimum booking notice|booking window/i;

export function calcomFailure(status: number, headers: Headers, payload: unknown, subject: CalcomSubject): Error {
  const message = errorMessage(payload);
  if (isUpstreamFailureStatus(status)) return new UpstreamHttpError(status, headers, message);
  const details = { status, message };
  if (status === 401 || status === 403) {
    return new AppError(ErrorCodes.CALCOM_INVALID_API_KEY, "Der Cal.com-API-Schlüssel ist ungültig.", { details });
  }
  if (status === 404) {
    return subject === "booking"
      ? new AppError(ErrorCodes.NOT_FOUND, "Der Termin wurde in Cal.com nicht gefunden.", { details })
      : new AppError(ErrorCodes.CALCOM_EVENT_TYPE_NOT_FOUND, "Die Terminart wurde in Cal.com nicht gefunden.", { details });
  }
  if ((status === 400 || status === 409) && message && unavailableSlot.test(message)) {
    return new AppError(ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE, "Dieser Termin ist leider nicht mehr frei.", { details });
  }
  return new AppError(ErrorCodes.CALCOM_BOOKING_FAILED, "Cal.com hat die Anfrage abgelehnt.", { details });
}

export function unexpectedAnswer(issues: unknown): AppError {
  return new AppError(ErrorCodes.CALCOM_BOOKING_FAILED, "Cal.com hat unerwartet geantwortet.", { details: issues });
}

function errorMessage(payload: unknown): string | undefined {
  const parsed = errorEnvelopeSchema.safeParse(payload);
  return parsed.success ? parsed.data.error.message : undefined;
}
