import type { PrismaClient } from "@/server/generated/prisma/client";
import { passwordMatches } from "@/server/platform/password-hash";
import { INVALID_CREDENTIALS_MESSAGE, throttledMessage } from "./login-messages";
import type { LoginThrottle } from "./login-throttle";

export { INVALID_CREDENTIALS_MESSAGE } from "./login-messages";

/** A refused login; the message is shown on the login form as it is. */
export class LoginError extends Error {
  constructor(
    readonly reason: "invalid" | "throttled",
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "LoginError";
  }
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: "admin" | "staff";
  companyId: string;
  companyName: string;
  companySlug: string;
}

export interface LoginAttempt {
  email: string;
  password: string;
  /** Client IP, when known; counted separately from the e-mail address. */
  ip?: string | null;
}

export interface CredentialDeps {
  db: PrismaClient;
  throttle: LoginThrottle;
  now: () => Date;
}

// A bcrypt hash with the same cost as real ones, so an unknown e-mail costs as much as a wrong password.
const DUMMY_HASH = "$2b$10$Cl1XI9L9dJmtnm5L4eNSQumxPelI2vWfRxCEyUScEB2gWeb/Sxev.";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Checks e-mail and password; throws LoginError with a German message when the login is refused. */
export async function verifyCredentials(deps: CredentialDeps, attempt: LoginAttempt): Promise<SessionUser & { sessionVersion: number }> {
  const email = normalizeEmail(attempt.email);
  const ip = attempt.ip?.trim() || null;

  const verdict = await deps.throttle.attempt(email, ip);
  if (verdict) throw new LoginError("throttled", throttledMessage(verdict.retryAfterSeconds), verdict.retryAfterSeconds);

  const user = email
    ? await deps.db.user.findFirst({
        where: { email: { equals: email, mode: "insensitive" } },
        include: { company: { select: { name: true, slug: true } } },
      })
    : null;
  const passwordOk = await passwordMatches(attempt.password, user?.passwordHash ?? DUMMY_HASH);

  // A deactivated account gets the same answer as a wrong password.
  if (!user || !passwordOk || !user.isActive) throw new LoginError("invalid", INVALID_CREDENTIALS_MESSAGE);

  await deps.throttle.recordSuccess(email, ip);
  await deps.db.user.update({ where: { id: user.id }, data: { lastLoginAt: deps.now() } });
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    companyId: user.companyId,
    companyName: user.company.name,
    companySlug: user.company.slug,
    sessionVersion: user.sessionVersion,
  };
}
