import { z } from "zod";
import { requiredName } from "@/server/services/company/master-data-fields";
import { PASSWORD_MAX_LENGTH, passwordProblems } from "./password-policy";

export { PASSWORD_MESSAGES, PASSWORD_MIN_LENGTH, passwordProblems } from "./password-policy";

export const USER_ROLES = ["admin", "staff"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A dashboard login of the company; never its password hash or link token. */
export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(USER_ROLES),
  is_active: z.boolean(),
  last_login_at: z.string().nullable(),
  created_at: z.string(),
  /** An unused set-password link is valid until then; null when none is open. */
  link_expires_at: z.string().nullable(),
  /** The caller's own account. */
  is_you: z.boolean(),
});
export type UserDto = z.infer<typeof userSchema>;

const role = z.enum(USER_ROLES, "Bitte eine Rolle wählen: Administration oder Team.");
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(200, "Höchstens 200 Zeichen.")
  .pipe(z.email("Bitte eine gültige E-Mail-Adresse angeben, z. B. anna@salon.de."));
const userId = z.string().min(1, "Bitte einen Benutzer angeben.");

export const listParams = z.object({});
export const listResult = z.object({ users: z.array(userSchema) });

/**
 * A one-time "set your password" link, shown once. `mail`: whether it also went out by e-mail
 * (`not_configured` when the install sends no e-mail).
 */
const issuedLink = {
  link: z.object({ url: z.string(), expires_at: z.string() }),
  mail: z.enum(["sent", "failed", "not_configured"]),
};

export const createParams = z.object({ name: requiredName(), email, role });
export const createResult = z.object({ user: userSchema, ...issuedLink });

export const updateParams = z.object({ id: userId, name: requiredName().optional(), role: role.optional() });
export const updateResult = z.object({ user: userSchema });

export const idParams = z.object({ id: userId });
export const userResult = z.object({ user: userSchema });

export const resetLinkResult = z.object({ user: userSchema, ...issuedLink });

const typedPassword = z.string().max(PASSWORD_MAX_LENGTH * 4, "Das Passwort ist zu lang.");

export const changeOwnPasswordParams = z.object({
  current_password: typedPassword.min(1, "Bitte das aktuelle Passwort eingeben."),
  /** Checked against the password rules with the caller's e-mail address in the service. */
  new_password: typedPassword.min(1, "Bitte ein neues Passwort eingeben."),
});
export const changeOwnPasswordResult = z.object({ changed: z.literal(true) });

/** The public page's request: the token from the link and the new password. */
export const setPasswordWithTokenParams = z.object({
  token: z.string().trim().min(1, "Der Link ist unvollständig.").max(200, "Der Link ist unvollständig."),
  password: typedPassword,
});

/* Forms: what the fields hold, checked by the same rules the service applies. */

export const PASSWORDS_DIFFER = "Die beiden Passwörter stimmen nicht überein.";

function checkNewPassword(ctx: z.RefinementCtx, password: string, repeat: string, email: string | null, path: string, repeatPath: string): void {
  for (const message of passwordProblems(password, email)) ctx.addIssue({ code: "custom", path: [path], message, input: password });
  if (repeat !== password) ctx.addIssue({ code: "custom", path: [repeatPath], message: PASSWORDS_DIFFER, input: repeat });
}

/** "Mein Konto": current password, the new one and its repetition, for the user with `email`. */
export function changeOwnPasswordForm(email: string | null) {
  return z
    .object({ current_password: z.string(), new_password: z.string(), repeat_password: z.string() })
    .superRefine((v, ctx) => {
      if (!v.current_password) ctx.addIssue({ code: "custom", path: ["current_password"], message: "Bitte das aktuelle Passwort eingeben.", input: "" });
      checkNewPassword(ctx, v.new_password, v.repeat_password, email, "new_password", "repeat_password");
    })
    .transform(({ current_password, new_password }) => ({ current_password, new_password }))
    .pipe(changeOwnPasswordParams);
}

/** The page behind a one-time link: the new password twice, for the user with `email`. */
export function setPasswordForm(email: string | null) {
  return z
    .object({ password: z.string(), repeat_password: z.string() })
    .superRefine((v, ctx) => checkNewPassword(ctx, v.password, v.repeat_password, email, "password", "repeat_password"))
    .transform(({ password }) => ({ password }));
}
