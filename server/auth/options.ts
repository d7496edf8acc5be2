import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { LoginError, verifyCredentials, type SessionUser } from "./credentials";
import { LOGIN_UNAVAILABLE_MESSAGE } from "./login-messages";
import { authSecret } from "./secret";
import { clientIp } from "./client-ip";
import { recheckSession } from "./session-check";
import { loginThrottle } from "./throttle-instance";
import { env } from "@/server/platform/env";

const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;


export const authOptions: NextAuthOptions = {
  // A getter: configuration is read per request, never at import (`next build` has none).
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "E-Mail und Passwort",
      credentials: {
        email: { label: "E-Mail", type: "email" },
        password: { label: "Passwort", type: "password" },
      },
      async authorize(credentials, req) {
        try {
          return await verifyCredentials(
            { db: await getDb(), throttle: loginThrottle(), now: () => new Date() },
            { email: credentials?.email ?? "", password: credentials?.password ?? "", ip: clientIp(req?.headers, env().TRUST_PROXY) },
          );
        } catch (err) {
          if (err instanceof LoginError) {
            logger.info({ reason: err.reason }, "login refused");
            throw err; // next-auth hands the German message to the form as `error`
          }
          logger.error({ err }, "login failed");
          throw new Error(LOGIN_UNAVAILABLE_MESSAGE);
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as SessionUser & { sessionVersion: number };
        token.user = {
          id: u.id,
          name: u.name,
          email: u.email,
          role: u.role,
          companyId: u.companyId,
          companyName: u.companyName,
          companySlug: u.companySlug,
        };
        token.sub = u.id;
        token.sessionVersion = u.sessionVersion;
        token.checkedAt = Date.now();
        return token;
      }
      return recheckSession(token, { db: await getDb(), nowMs: Date.now() });
    },
    session({ session, token }) {
      if (token.user) session.user = token.user;
      return session;
    },
  },
  logger: {
    error: (code, metadata) => logger.error({ code, metadata }, "next-auth error"),
    warn: (code) => logger.warn({ code }, "next-auth warning"),
    debug: () => {},
  },
};
