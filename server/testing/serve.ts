import http from "node:http";
import type { AddressInfo } from "node:net";
import { answerWithFetchHandler } from "@/server/doors/http/fetch-adapter.mjs";

export type FetchHandler = (request: Request) => Promise<Response>;

export interface ServedHandler {
  /** Base URL without trailing slash, e.g. "http://127.0.0.1:41234". */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves a fetch-style handler on 127.0.0.1 (random free port by default) with node:http, so
 * route handlers can be tested and benchmarked over real HTTP without starting Next.
 * It answers through the production server's adapter: streaming responses (SSE) pass through as produced.
 */
export async function serveFetchHandler(handler: FetchHandler, opts: { port?: number } = {}): Promise<ServedHandler> {
  const server = http.createServer((req, res) => {
    void answerWithFetchHandler(handler, req, res);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
