import { AppError, ErrorCodes } from "@/server/errors";

export function slotNotAvailable(details?: unknown): AppError {
  return new AppError(ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE, "Der gewünschte Termin ist nicht verfügbar.", { details });
}
