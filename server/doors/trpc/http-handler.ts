/**
 * The dashboard's tRPC endpoint as one fetch handler, used by /api/trpc and by tests. Besides
 * tRPC itself it refuses what a browser on another site could send with the user's cookie:
 * a mutation must be JSON (no form posts) from this site's own origin; batches are capped.
 */
import { fetchRequestHandler, type FetchCreateContextFnOptions } from "@trpc/server/adapters/fetch";
import type { AnyRouter } from "@trpc/server";
import { TRPC_MAX_BATCH_SIZE } from "./batch-limit";
import type { TRPCContext } from "./trpc";

export interface TrpcHandlerOptions<TRouter extends AnyRouter> {
  router: TRouter;
  createContext: (opts: FetchCreateContextFnOptions) => TRPCContext | Promise<TRPCContext>;
  /** Origins besides the request's own that count as this site (APP_URL behind a proxy). */
  siteOrigins?: readonly string[];
  onError?: Parameters<typeof fetchRequestHandler<TRouter>>[0]["onError"];
}

export async function handleTrpcRequest<TRouter extends AnyRouter>(req: Request, opts: TrpcHandlerOptions<TRouter>): Promise<Response> {
  if (req.method === "POST") {
    const refusal = crossSiteRefusal(req, opts.siteOrigins ?? []);
    if (refusal) return refusal;
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: opts.router,
    createContext: opts.createContext,
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    onError: opts.onError,
  });
}

function crossSiteRefusal(req: Request, siteOrigins: readonly string[]): Response | null {
  const contentType = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json") {
    return refuse(415, "UNSUPPORTED_MEDIA_TYPE", "Änderungen werden nur als JSON angenommen.");
  }
  const origin = req.headers.get("origin");
  const allowed = new Set([new URL(req.url).origin, ...siteOrigins.map((o) => new URL(o).origin)]);
  if (!origin || !allowed.has(origin)) {
    return refuse(403, "FORBIDDEN", "Änderungen werden nur von dieser Seite aus angenommen.");
  }
  return null;
}

function refuse(status: number, code: string, message: string): Response {
  return Response.json({ error: { json: { message, code: status === 415 ? -32600 : -32003, data: { code, httpStatus: status } } } }, { status });
}
