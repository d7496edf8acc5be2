/**
 * Plumbing shared by the in-process fakes of Cal.com and Retell (tests, local dev, e2e):
 * a JSON server on 127.0.0.1, a request log and injectable faults.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Decoded path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON; undefined for an empty body; the raw text when it is not JSON. */
  body: unknown;
}

export interface FakeResponse {
  status: number;
  /** Sent as JSON; omitted for an empty answer. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeServerDialect {
  /** The service's error body for a status, message and request path. */
  errorBody(status: number, message: string, path: string): unknown;
  /** The headers the service sends with a 429. */
  rateLimitHeaders(retryAfterSec: number): Record<string, string>;
}

type PendingFault =
  | { kind: "fail"; remaining: number; status: number }
  | { kind: "rate_limit"; remaining: number; retryAfterSec: number };

/** Request log and fault switches; each fake's `state` extends it. */
export class FakeFaults {
  /** Every request in arrival order, rejected ones included. */
  readonly requests: RecordedRequest[] = [];
  /** Holds back each answer; the request itself is processed at once (a booking exists even if its answer comes too late). */
  delayMs = 0;
  #pending?: PendingFault;

  /** The next `count` requests fail with `status`. */
  failNext(count: number, status = 503): void {
    this.#pending = { kind: "fail", remaining: count, status };
  }

  /** The next `count` requests are answered 429, announcing `retryAfterSec`. */
  rateLimitNext(count: number, retryAfterSec: number): void {
    this.#pending = { kind: "rate_limit", remaining: count, retryAfterSec };
  }

  /** Requests that reached the fake with this method and path. */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && (typeof path === "string" ? r.path === path : path.test(r.path)));
  }

  takeFault(dialect: FakeServerDialect, path: string): FakeResponse | undefined {
    const fault = this.#pending;
    if (!fault || fault.remaining <= 0) return undefined;
    fault.remaining--;
    if (fault.kind === "fail") {
      return { status: fault.status, body: dialect.errorBody(fault.status, "Injected failure", path) };
    }
    return {
      status: 429,
      body: dialect.errorBody(429, "Too Many Requests", path),
      headers: dialect.rateLimitHeaders(fault.retryAfterSec),
    };
  }
}

export interface RunningFakeServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  close(): Promise<void>;
}

export async function startFakeHttpServer(options: {
  /** 0 (default) picks a free port. */
  port?: number;
  faults: FakeFaults;
  dialect: FakeServerDialect;
  handle(request: RecordedRequest): FakeResponse;
  /** Reads the body; default JSON (a fake of a form-encoded API passes its own). */
  parseBody?: (raw: string, contentType: string | undefined) => { ok: true; value: unknown } | { ok: false };
}): Promise<RunningFakeServer> {
  const { faults, dialect } = options;

  async function answer(req: IncomingMessage): Promise<FakeResponse> {
    const url = new URL(req.url ?? "/", "http://fake");
    const raw = await readBody(req);
    const json = (options.parseBody ?? parseJson)(raw, req.headers["content-type"]);
    const request: RecordedRequest = {
      method: req.method ?? "GET",
      path: safeDecode(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      body: json.ok ? json.value : raw,
    };
    faults.requests.push(request);
    if (!json.ok) return { status: 400, body: dialect.errorBody(400, "Request body is not valid JSON", request.path) };
    return faults.takeFault(dialect, request.path) ?? options.handle(request);
  }

  const server = createServer(async (req, res) => {
    res.on("error", () => undefined);
    const response = await answer(req).catch((error: unknown): FakeResponse => ({
      status: 500,
      body: dialect.errorBody(500, error instanceof Error ? error.message : "Internal error", req.url ?? "/"),
    }));
    if (faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    if (res.destroyed) return;
    const payload = response.body === undefined ? undefined : JSON.stringify(response.body);
    res.writeHead(response.status, {
      ...(payload === undefined ? {} : { "content-type": "application/json" }),
      ...response.headers,
    });
    res.end(payload);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FakeRoute<H> {
  method: string;
  path: RegExp;
  handle: H;
}

/** The route for a request and the capture groups of its path. */
export function matchRoute<R extends FakeRoute<unknown>>(routes: readonly R[], request: RecordedRequest): [R, string[]] | undefined {
  for (const route of routes) {
    const match = request.method === route.method ? route.path.exec(request.path) : null;
    if (match) return [route, match.slice(1)];
  }
  return undefined;
}

/** A validation failure as one line, e.g. "attendee.timeZone: must be an IANA time zone". */
export function describeIssues(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues.map((issue) => `${issue.path.map(String).join(".") || "body"}: ${issue.message}`).join("; ");
}

/** The bearer token of a request, if any. */
export function bearerToken(request: RecordedRequest): string | undefined {
  return /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  if (!raw) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
