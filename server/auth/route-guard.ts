import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { loginUrlFor, PATH_HEADER, safeCallbackPath } from "./callback-url";

/**
 * The proxy's decision for a page request: logged-out visitors of dashboard pages go to the
 * login (remembering the page), logged-in visitors of the login page go on to the dashboard,
 * public pages (set-up wizard, password link) pass as they are, everything else passes with the requested path in a request header. Pages check the session
 * again themselves; this only saves a render.
 */
export async function guardRequest(request: NextRequest, secret: string): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (isPublicPage(pathname)) return NextResponse.next();
  const token = await getToken({ req: request, secret });
  const loggedIn = Boolean(token?.user?.companyId);

  if (pathname === "/login") {
    if (!loggedIn) return NextResponse.next();
    const target = safeCallbackPath(request.nextUrl.searchParams.get("callbackUrl"));
    return NextResponse.redirect(new URL(target, request.url));
  }

  if (!loggedIn) return NextResponse.redirect(new URL(loginUrlFor(`${pathname}${search}`), request.url));

  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

/** Pages for visitors without a session: the first company's set-up, setting a password from a one-time link. */
const PUBLIC_PAGES = ["/einrichtung", "/passwort-setzen"];

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}
