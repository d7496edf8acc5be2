import { AppError, ErrorCodes } from "@/server/core/errors";

export function slotNotAvailable(details?: unknown): AppError {
  return new AppError(ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE, "Der gewünschte Termin ist nicht verfügbar.", { details });
}
