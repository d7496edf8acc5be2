/** Stripe's SDK errors as AppErrors with German messages (never Stripe's English text alone). */
import { AppError, ErrorCodes } from "@/server/core/errors";
import { Stripe } from "@/server/integrations/stripe/client";

const CARD_MESSAGES: Record<string, string> = {
  authentication_required:
    "Die Bank verlangt eine Bestätigung durch den Kunden (Sicherheitsabfrage). Ohne ihn kann die Karte nicht belastet werden; bitte schicken Sie ihm einen Zahlungslink.",
  card_declined: "Die Karte wurde abgelehnt.",
  expired_card: "Die Karte ist abgelaufen.",
  insufficient_funds: "Die Karte ist nicht ausreichend gedeckt.",
};

export function isStripeError(error: unknown): error is InstanceType<typeof Stripe.errors.StripeError> {
  return error instanceof Stripe.errors.StripeError;
}

/** The German reason of a card error, e.g. for the payment's `error`. */
export function cardErrorMessage(error: { code?: string; decline_code?: string }): string {
  return CARD_MESSAGES[error.code ?? ""] ?? CARD_MESSAGES[error.decline_code ?? ""] ?? "Die Karte wurde abgelehnt.";
}

export function toAppError(error: unknown): unknown {
  if (!isStripeError(error)) return error;
  switch (error.type) {
    case "StripeAuthenticationError":
    case "StripePermissionError":
      return new AppError(ErrorCodes.STRIPE_INVALID_API_KEY, "Stripe lehnt den geheimen Schlüssel ab. Bitte unter Einstellungen → Zahlungen prüfen.", { cause: error });
    case "StripeConnectionError":
    case "StripeAPIError":
    case "StripeRateLimitError":
      return new AppError(ErrorCodes.STRIPE_UNAVAILABLE, "Stripe ist gerade nicht erreichbar. Bitte in einigen Minuten erneut versuchen.", { retryAfter: 60, cause: error });
    case "StripeCardError":
      return new AppError(ErrorCodes.PAYMENT_DECLINED, cardErrorMessage(error), { cause: error });
    default:
      return new AppError(ErrorCodes.PAYMENT_NOT_POSSIBLE, `Stripe hat die Anfrage abgelehnt: ${error.message}`, { cause: error });
  }
}

/** Runs a Stripe call; its errors leave as AppErrors. */
export async function callStripe<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAppError(error);
  }
}
