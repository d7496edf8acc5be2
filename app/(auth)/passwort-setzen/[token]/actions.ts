"use server";

import { setPasswordFromLink, type SetPasswordAnswer } from "@/server/doors/password-link";

/** The form's submit: sets the password of the link's user (no session; the token is the credential). */
export async function setPasswordAction(token: string, password: string): Promise<SetPasswordAnswer> {
  if (typeof token !== "string" || typeof password !== "string") return { ok: false, message: "Die Eingaben sind ungültig.", fields: {} };
  return setPasswordFromLink({ token, password });
}
