import type { NextRequest } from "next/server";
import { authSecret } from "@/server/auth/secret";
import { guardRequest } from "@/server/auth/route-guard";

/** Early login redirects for page requests; the rules live in server/auth/route-guard.ts. */
export function proxy(request: NextRequest) {
  return guardRequest(request, authSecret());
}

export const config = {
  // Everything except API routes, MCP, Next's assets and files with an extension.
  matcher: ["/((?!api/|mcp(?:/|$)|_next/|.*\\.[a-zA-Z0-9]+$).*)"],
};
