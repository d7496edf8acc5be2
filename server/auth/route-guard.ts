import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { loginUrlFor, PATH_HEADER } from "./callback-url";

/**
 * The proxy's decision for a page request: logged-out visitors of dashboard pages go to the
 * login (remembering the page), the login page passes (it sends logged-in visitors on itself),
 * public pages (set-up wizard, password link) pass as they are, everything else passes with the requested path in a request header. Pages check the session
 * again themselves; this only saves a render.
 */
export async function guardRequest(request: NextRequest, secret: string): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (isPublicPage(pathname)) return NextResponse.next();
  // The login page decides itself, after comparing the session with its user: a cookie whose
  // user was deactivated or logged out everywhere still looks logged in here, and sending it on
  // would bounce it between the dashboard (which refuses it) and the login for ever.
  if (pathname === "/login") return NextResponse.next();
  const token = await getToken({ req: request, secret });
  const loggedIn = Boolean(token?.user?.companyId);

  if (!loggedIn) return NextResponse.redirect(new URL(loginUrlFor(`${pathname}${search}`), request.url));

  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

/** Pages for visitors without a session: the first company's set-up, setting a password from a one-time link, the return from a deposit payment. */
const PUBLIC_PAGES = ["/einrichtung", "/passwort-setzen", "/zahlung"];

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}
