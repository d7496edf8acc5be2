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
  }
}
