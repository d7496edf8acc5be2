import { getServerSession, type Session } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { loginUrlFor, PATH_HEADER } from "./callback-url";
import { authOptions } from "./options";

/** The logged-in staff member, or null. Server components, route handlers and server actions. */
export async function getServerAuthSession(): Promise<Session | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.companyId ? session : null;
}

/** The session, or a redirect to the login page that returns here afterwards. */
export async function requireSession(): Promise<Session> {
  const session = await getServerAuthSession();
  if (!session) {
    const path = (await headers()).get(PATH_HEADER) ?? "/uebersicht";
    redirect(loginUrlFor(path));
  }
  return session;
}

export const FORBIDDEN_PATH = "/keine-berechtigung";

/** The session of an admin; staff are sent to the "Keine Berechtigung" page, logged-out visitors to the login. */
export async function requireAdmin(): Promise<Session> {
  const session = await requireSession();
  if (session.user.role !== "admin") redirect(FORBIDDEN_PATH);
  return session;
}
