import type { SessionUser } from "./credentials";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface User extends SessionUser {}
}

declare module "next-auth/jwt" {
  interface JWT {
    user?: SessionUser;
    /** The user's session version at login; see session-check.ts. */
    sessionVersion?: number;
    /** When the session was last checked against the user (ms since epoch). */
    checkedAt?: number;
  }
}
