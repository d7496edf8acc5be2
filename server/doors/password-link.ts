/**
 * The public page behind a one-time "set your password" link (/passwort-setzen/<token>): no
 * session, the token itself is the credential. The page's server action calls these; they
 * answer with German text the page shows as it is, never with an exception.
 */
import { randomUUID } from "node:crypto";
import { InvalidParamsError } from "@/server/core/call-errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { getDb } from "@/server/platform/db";
import { toAppError } from "@/server/platform/db/outage";
import { logger } from "@/server/platform/logger";
import { inspectPasswordLink, setPasswordWithToken, USER_MESSAGES, type LinkState } from "@/server/services/user/service";

export type { LinkState } from "@/server/services/user/service";

export type SetPasswordAnswer =
  | { ok: true; email: string }
  /** `fields`: the first message per form field ("password"); `message`: for the whole form. */
  | { ok: false; message: string; fields: Record<string, string> };

/** Why a link cannot be used, as its page says it. */
export const LINK_REFUSALS = { invalid: USER_MESSAGES.linkInvalid, expired: USER_MESSAGES.linkExpired } as const;

export const SET_PASSWORD_FAILED = "Das Passwort konnte gerade nicht gespeichert werden. Bitte versuchen Sie es gleich noch einmal.";

interface DoorDeps {
  /** Tests pass their own database and clock. */
  db?: PrismaClient;
  now?: () => Date;
}

/** Whose password the link sets, or why it cannot; changes nothing. */
export async function passwordLinkState(token: string, deps: DoorDeps = {}): Promise<LinkState> {
  return inspectPasswordLink({ db: deps.db ?? (await getDb()), now: deps.now ?? (() => new Date()) }, token);
}

/** Sets the password of the link's user; the link works once. */
export async function setPasswordFromLink(input: { token: string; password: string }, deps: DoorDeps = {}): Promise<SetPasswordAnswer> {
  const correlationId = randomUUID();
  try {
    const db = deps.db ?? (await getDb());
    const { email } = await setPasswordWithToken({ db, now: deps.now ?? (() => new Date()), correlationId }, input);
    logger.info({ correlation_id: correlationId, door: "password-link" }, "password set with a one-time link");
    return { ok: true, email };
  } catch (err) {
    if (err instanceof InvalidParamsError) {
      const fields: Record<string, string> = {};
      for (const issue of err.issues) fields[issue.path.map(String).join(".") || "_"] ??= issue.message;
      return { ok: false, message: "Bitte die markierten Felder prüfen.", fields };
    }
    const known = toAppError(err, { door: "password-link", correlationId });
    if (known) return { ok: false, message: known.message, fields: {} };
    logger.error({ err, correlation_id: correlationId, door: "password-link" }, "setting a password with a link failed");
    return { ok: false, message: SET_PASSWORD_FAILED, fields: {} };
  }
}
