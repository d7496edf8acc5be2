import { PASSWORD_MIN_LENGTH } from "@/server/services/user/schemas";

/** The password rules in one sentence, under every new-password field. */
export const PASSWORD_RULES_HINT = `Mindestens ${PASSWORD_MIN_LENGTH} Zeichen, nicht der Teil Ihrer E-Mail-Adresse vor dem @ und kein verbreitetes Passwort wie „passwort123“.`;
