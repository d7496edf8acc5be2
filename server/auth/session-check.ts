import type { JWT } from "next-auth/jwt";
import type { PrismaClient } from "@/server/generated/prisma/client";

/**
 * The session token, compared with its user on every request that reads the session (one
 * primary-key lookup of four columns): a deleted or deactivated user, or one whose session
 * version was raised (password changed or set, deactivated), is logged out at once (the token
 * loses its user); a changed role takes effect in the session at once.
 */
export async function recheckSession(token: JWT, deps: { db: PrismaClient; nowMs: number }): Promise<JWT> {
  if (!token.user) return token;
  const user = await deps.db.user.findUnique({
    where: { id: token.user.id },
    select: { isActive: true, sessionVersion: true, role: true, companyId: true },
  });
  if (!user || !user.isActive || user.sessionVersion !== token.sessionVersion || user.companyId !== token.user.companyId) {
    return { iat: token.iat, exp: token.exp, jti: token.jti };
  }
  return { ...token, user: { ...token.user, role: user.role }, checkedAt: deps.nowMs };
}

/** Ends every open session of the user on its next request (after a password change, on suspicion). */
export async function endSessionsOf(db: PrismaClient, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
