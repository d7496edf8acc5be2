import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

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
 * Streaming responses (SSE) are passed through as they are produced.
 */
export async function serveFetchHandler(handler: FetchHandler, opts: { port?: number } = {}): Promise<ServedHandler> {
  const server = http.createServer((req, res) => {
    void respond(handler, req, res);
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

async function respond(handler: FetchHandler, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  try {
    const response = await handler(toRequest(req, controller.signal));
    const headers: Record<string, string | string[]> = {};
    response.headers.forEach((value, key) => {
      headers[key] = key === "set-cookie" ? response.headers.getSetCookie() : value;
    });
    res.writeHead(response.status, response.statusText, headers);
    if (!response.body) {
      res.end();
      return;
    }
    const reader = response.body.getReader();
    res.on("close", () => void reader.cancel().catch(() => {}));
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
    res.end();
  } catch (err) {
    if (!res.headersSent) {
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(`Unhandled error in handler: ${(err as Error).message}`);
    } else {
      res.destroy();
    }
  }
}

function toRequest(req: http.IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    signal,
    // Required by undici for streamed request bodies.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}
