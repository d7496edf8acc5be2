import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { loginUrlFor, PATH_HEADER, safeCallbackPath } from "@/server/auth/callback-url";
import { authSecret } from "@/server/auth/secret";

/**
 * Sends logged-out visitors of dashboard pages to the login before anything renders, and
 * logged-in visitors of the login page on to the dashboard. The pages check the session
 * again themselves; this only saves a render and passes the requested path along.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const token = await getToken({ req: request, secret: authSecret() });
  const loggedIn = Boolean(token?.user);

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

export const config = {
  // Everything except API routes, MCP, Next's assets and files with an extension.
  matcher: ["/((?!api/|mcp(?:/|$)|_next/|.*\\.[a-zA-Z0-9]+$).*)"],
};
