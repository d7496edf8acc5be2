/**
 * The direct lane: the doors that the production HTTP server (server/doors/http/server.mjs)
 * answers without Next's router: Retell's (a live call waits for every tool answer) and the
 * JSON-RPC gateway. Next costs 2–4 ms of CPU per request around a route handler, about as much
 * as a check_availability itself. Only doors that need nothing of Next's request context
 * (cookies(), headers(), sessions) may offer themselves.
 *
 * A route file offers its POST handler here when Next loads it. From then on the HTTP server
 * calls that same handler: one module instance, Next's own, so caches, the database and its
 * locks exist once. Before that first load, and for every other path or method, Next answers.
 * The lane lives on globalThis because the HTTP server is not part of Next's bundle.
 */
import { jsonResponse } from "@/server/doors/request-kit";
import { reportRequestError } from "@/server/platform/error-report";

export type DirectHandler = (request: Request) => Promise<Response>;

/** What the HTTP server reads off globalThis. */
export interface DirectLane {
  /** The handler for a POST to this path (no query string), or null when Next should answer. */
  match(method: string, pathname: string): DirectHandler | null;
}

interface Routes {
  exact: Map<string, DirectHandler>;
  /** Routes with one last dynamic segment, by the path before it (ending in "/"). */
  withSegment: Map<string, (request: Request, segment: string) => Promise<Response>>;
}

const g = globalThis as unknown as { __askproDirectLane?: DirectLane & { routes: Routes } };

function lane(): Routes {
  if (!g.__askproDirectLane) {
    const routes: Routes = { exact: new Map(), withSegment: new Map() };
    g.__askproDirectLane = { routes, match: (method, pathname) => match(routes, method, pathname) };
  }
  return g.__askproDirectLane.routes;
}

function match(routes: Routes, method: string, pathname: string): DirectHandler | null {
  if (method !== "POST") return null;
  const exact = routes.exact.get(pathname);
  if (exact) return exact;
  const cut = pathname.lastIndexOf("/") + 1;
  const withSegment = routes.withSegment.get(pathname.slice(0, cut));
  const segment = withSegment ? decodeSegment(pathname.slice(cut)) : null;
  if (!withSegment || segment === null) return null;
  return guarded(`${pathname.slice(0, cut)}[segment]`, (request) => withSegment(request, segment));
}

/** Like Next's params: percent-decoded; an empty or undecodable segment is left to Next. */
function decodeSegment(raw: string): string | null {
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** `path` exactly, e.g. "/api/mcp/retell/webhook". */
export function offerDirectRoute(path: string, handler: DirectHandler): void {
  lane().exact.set(path, guarded(path, handler));
}

/** `prefix` + one segment, e.g. "/api/mcp/retell/custom-function/" for ".../[name]". */
export function offerDirectRouteWithSegment(prefix: string, handler: (request: Request, segment: string) => Promise<Response>): void {
  if (!prefix.endsWith("/")) throw new Error(`a segment route's prefix ends with "/": ${prefix}`);
  lane().withSegment.set(prefix, handler);
}

/** What Next does for a route handler that throws: the error is reported, the caller gets a bare 500. */
function guarded(routePath: string, handler: DirectHandler): DirectHandler {
  return async (request) => {
    try {
      return await handler(request);
    } catch (error) {
      void reportRequestError(error, {
        request: { path: new URL(request.url).pathname, method: request.method, headers: Object.fromEntries(request.headers) },
        context: { routerKind: "App Router", routePath, routeType: "route" },
      });
      return jsonResponse({ error: "Interner Fehler." }, 500);
    }
  };
}
