import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError, ErrorCodes } from "@/server/core/errors";
import {
  UpstreamHttpError,
  circuitStateValues,
  circuitStates,
  configureResilience,
  isUpstreamFailureStatus,
  onCircuitStateChange,
  resetCircuits,
  retryAfterFromHeaders,
  runResilient,
  type CircuitStateName,
} from "@/server/platform/resilience";
import { parseMcpEnv, resetMcpEnv } from "@/server/platform/mcp-env";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface TestServer {
  url: string;
  hits: number;
  close(): Promise<void>;
}

const servers: Server[] = [];

async function startServer(handler: Handler, port = 0): Promise<TestServer> {
  const server = createServer();
  const state: TestServer = {
    url: "",
    hits: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  server.on("request", (req, res) => {
    state.hits++;
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

function answer(status: number, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify({ ok: status < 400 }));
  };
}

/** A GET through runResilient that turns failure statuses into UpstreamHttpError, as clients do. */
function getJson(url: string, signal: AbortSignal): Promise<unknown> {
  return fetch(url, { signal }).then(async (res) => {
    if (isUpstreamFailureStatus(res.status)) throw new UpstreamHttpError(res.status, res.headers);
    return res.json();
  });
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const fast = { initialDelayMs: 5, maxDelayMs: 20, halfOpenAfterMs: 60_000, timeoutMs: 2_000 };

beforeEach(() => {
  resetCircuits();
  configureResilience("calcom", fast);
  configureResilience("retell", fast);
});

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe("retries", () => {
  it("repeats an idempotent call after 5xx answers until it succeeds", async () => {
    let calls = 0;
    const server = await startServer((req, res) => answer(++calls < 3 ? 503 : 200)(req, res));

    const result = await runResilient("calcom", (signal) => getJson(server.url, signal), { idempotent: true });

    expect(result).toEqual({ ok: true });
    expect(server.hits).toBe(3);
  });

  it("gives up after three attempts and reports the service as unavailable", async () => {
    const server = await startServer(answer(502));

    const error = await caught(runResilient("retell", (signal) => getJson(server.url, signal), { idempotent: true }));

    expect(server.hits).toBe(3);
    expect(error.code).toBe(ErrorCodes.RETELL_UNAVAILABLE);
    expect(error.retryAfter).toBe(60);
    expect(error.cause).toBeInstanceOf(UpstreamHttpError);
  });

  it("sends a non-idempotent call exactly once when the server answers 5xx", async () => {
    const server = await startServer(answer(503));

    const error = await caught(runResilient("calcom", (signal) => getJson(server.url, signal), { idempotent: false }));

    expect(server.hits).toBe(1);
    expect(error.code).toBe(ErrorCodes.CALCOM_BOOKING_FAILED);
    expect(error.message).toBe("Der Kalender ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute erneut.");
  });

  it("does not repeat a non-idempotent call that timed out, and aborts the request", async () => {
    let aborted = false;
    const server = await startServer((req, res) => {
      res.on("close", () => (aborted = !res.writableEnded));
      setTimeout(() => answer(200)(req, res), 400);
    });

    const error = await caught(
      runResilient("calcom", (signal) => getJson(server.url, signal), { idempotent: false, timeoutMs: 50 }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(error.code).toBe(ErrorCodes.CALCOM_BOOKING_FAILED);
    expect(server.hits).toBe(1);
    expect(aborted).toBe(true);
  });

  it("repeats even a non-idempotent call when the connection was refused", async () => {
    const probe = await startServer(answer(200));
    const port = Number(new URL(probe.url).port);
    await probe.close();
    let late: TestServer | undefined;

    const result = await runResilient(
      "calcom",
      async (signal) => {
        try {
          return await getJson(`http://127.0.0.1:${port}`, signal);
        } catch (refused) {
          // The server comes up before the client retries.
          late ??= await startServer(answer(200), port);
          throw refused;
        }
      },
      { idempotent: false },
    );

    expect(result).toEqual({ ok: true });
    expect(late?.hits).toBe(1);
  });

  it("passes AppErrors and programming errors through unchanged and without retry", async () => {
    const domainError = new AppError(ErrorCodes.CALCOM_EVENT_TYPE_NOT_FOUND, "nicht gefunden");
    let calls = 0;
    const rejected = runResilient("calcom", async () => {
      calls++;
      throw domainError;
    }, { idempotent: true });
    await expect(rejected).rejects.toBe(domainError);

    const bug = new RangeError("bug");
    await expect(
      runResilient("calcom", async () => {
        calls++;
        throw bug;
      }, { idempotent: true }),
    ).rejects.toBe(bug);
    expect(calls).toBe(2);
  });
});

describe("rate limits", () => {
  it("does not retry a 429 and reports Retry-After seconds", async () => {
    const server = await startServer(answer(429, { "retry-after": "42" }));

    const error = await caught(runResilient("calcom", (signal) => getJson(server.url, signal), { idempotent: true }));

    expect(server.hits).toBe(1);
    expect(error.code).toBe(ErrorCodes.CALCOM_BOOKING_FAILED);
    expect(error.retryAfter).toBe(42);
    expect(circuitStates().calcom).toBe("closed");
  });

  it("reads Retry-After dates and Cal.com's reset header", () => {
    const now = Date.parse("2026-03-02T10:00:00Z");
    expect(retryAfterFromHeaders(new Headers({ "retry-after": "Mon, 02 Mar 2026 10:01:30 GMT" }), now)).toBe(90);
    expect(retryAfterFromHeaders(new Headers({ "x-ratelimit-reset-default": "17" }), now)).toBe(17);
    expect(retryAfterFromHeaders(new Headers({ "x-ratelimit-reset-default": String(now / 1000 + 30) }), now)).toBe(30);
    expect(retryAfterFromHeaders(new Headers({ "x-ratelimit-reset-default": String(now + 5_000) }), now)).toBe(5);
    expect(retryAfterFromHeaders(new Headers(), now)).toBeUndefined();
  });
});

describe("circuit breaker", () => {
  it("opens after five consecutive failures, then fails fast without calling out", async () => {
    const server = await startServer(answer(500));
    const seen: Array<[string, CircuitStateName]> = [];
    const unsubscribe = onCircuitStateChange((service, state) => seen.push([service, state]));
    const call = () => runResilient("calcom", (signal) => getJson(server.url, signal), { idempotent: false });

    for (let i = 0; i < 5; i++) await caught(call());
    expect(server.hits).toBe(5);
    expect(circuitStates()).toEqual({ calcom: "open", retell: "closed", external_api: "closed", sms: "closed" });
    expect(circuitStateValues()).toEqual({ calcom: 1, retell: 0, external_api: 0, sms: 0 });

    const error = await caught(call());
    unsubscribe();

    expect(server.hits).toBe(5);
    expect(error.code).toBe(ErrorCodes.CALCOM_BOOKING_FAILED);
    expect(error.retryAfter).toBeGreaterThanOrEqual(59);
    expect(error.retryAfter).toBeLessThanOrEqual(60);
    expect(seen).toEqual([["calcom", "open"]]);
  });

  it("does not count answers that are the caller's problem", async () => {
    for (let i = 0; i < 8; i++) {
      await caught(
        runResilient("retell", async () => {
          throw new AppError(ErrorCodes.RETELL_AGENT_NOT_FOUND, "Agent fehlt");
        }, { idempotent: true }),
      );
    }
    expect(circuitStates().retell).toBe("closed");
  });

  it("lets trial calls through after the break and closes only after two successes (§8.2)", async () => {
    configureResilience("retell", { halfOpenAfterMs: 100 });
    let healthy = false;
    const server = await startServer((req, res) => answer(healthy ? 200 : 503)(req, res));
    const seen: CircuitStateName[] = [];
    const unsubscribe = onCircuitStateChange((_service, state) => seen.push(state));
    const call = () => runResilient("retell", (signal) => getJson(server.url, signal), { idempotent: false });

    for (let i = 0; i < 5; i++) await caught(call());
    expect((await caught(call())).retryAfter).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 120));
    healthy = true;

    await expect(call()).resolves.toEqual({ ok: true });
    expect(circuitStates().retell).toBe("half_open");
    await expect(call()).resolves.toEqual({ ok: true });
    unsubscribe();
    expect(server.hits).toBe(7);
    expect(circuitStates().retell).toBe("closed");
    expect(seen).toEqual(["open", "half_open", "closed"]);
  });

  it("admits at most three trial calls while half-open and refuses the fourth without calling out (§8.2)", async () => {
    configureResilience("retell", { halfOpenAfterMs: 50 });
    let failing = true;
    const waiting: Array<() => void> = [];
    const server = await startServer((req, res) => {
      if (failing) return answer(503)(req, res);
      waiting.push(() => answer(200)(req, res));
    });
    const call = () => runResilient("retell", (signal) => getJson(server.url, signal), { idempotent: false });

    for (let i = 0; i < 5; i++) await caught(call());
    await new Promise((resolve) => setTimeout(resolve, 70));
    failing = false;

    const trials = [call(), call(), call()];
    await expect.poll(() => waiting.length).toBe(3);
    const fourth = await caught(call());
    expect(fourth.code).toBe(ErrorCodes.RETELL_UNAVAILABLE);
    expect(server.hits).toBe(8);
    for (const release of waiting) release();
    await Promise.all(trials);
    expect(circuitStates().retell).toBe("closed");
  });

  it("opens again when the test call fails", async () => {
    configureResilience("retell", { halfOpenAfterMs: 50 });
    const server = await startServer(answer(503));
    const call = () => runResilient("retell", (signal) => getJson(server.url, signal), { idempotent: false });

    for (let i = 0; i < 5; i++) await caught(call());
    await new Promise((resolve) => setTimeout(resolve, 70));
    await caught(call());

    expect(server.hits).toBe(6);
    expect(circuitStates().retell).toBe("open");
  });

  it("keeps its state when the module is loaded again (dev hot reload)", async () => {
    const server = await startServer(answer(503));
    for (let i = 0; i < 5; i++) {
      await caught(runResilient("calcom", (signal) => getJson(server.url, signal), { idempotent: false }));
    }

    vi.resetModules();
    const reloaded = await import("@/server/platform/resilience");

    expect(reloaded.circuitStates().calcom).toBe("open");
  });
});

describe("MCP_CIRCUIT_BREAKER_* (§14.1)", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (key.startsWith("MCP_") && !(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    resetMcpEnv();
    resetCircuits();
  });
  const failing = async () => startServer(answer(503));
  const call = (url: string) => runResilient("external_api", (signal) => getJson(url, signal), { idempotent: false });

  it("opens after MCP_CIRCUIT_BREAKER_FAILURE_THRESHOLD failures and stays open MCP_CIRCUIT_BREAKER_TIMEOUT seconds", async () => {
    process.env.MCP_CIRCUIT_BREAKER_FAILURE_THRESHOLD = "2";
    process.env.MCP_CIRCUIT_BREAKER_TIMEOUT = "120";
    resetMcpEnv();
    resetCircuits();
    const server = await failing();
    await caught(call(server.url));
    expect(circuitStates().external_api).toBe("closed");
    await caught(call(server.url));
    expect(circuitStates().external_api).toBe("open");
    const refused = await caught(call(server.url));
    expect(server.hits).toBe(2);
    expect(refused.retryAfter).toBeGreaterThan(60);
    expect(refused.retryAfter).toBeLessThanOrEqual(120);
  });

  it("never opens with MCP_CIRCUIT_BREAKER_ENABLED=false", async () => {
    process.env.MCP_CIRCUIT_BREAKER_ENABLED = "false";
    resetMcpEnv();
    resetCircuits();
    const server = await failing();
    for (let i = 0; i < 7; i++) await caught(call(server.url));
    expect(server.hits).toBe(7);
    expect(circuitStates().external_api).toBe("closed");
  });

  it("refuses malformed values naming the variable, and defaults to §8.2", () => {
    expect(() => parseMcpEnv({ MCP_CIRCUIT_BREAKER_TIMEOUT: "eine Minute" })).toThrow(/MCP_CIRCUIT_BREAKER_TIMEOUT/);
    expect(() => parseMcpEnv({ MCP_CIRCUIT_BREAKER_ENABLED: "vielleicht" })).toThrow(/MCP_CIRCUIT_BREAKER_ENABLED/);
    expect(parseMcpEnv({})).toEqual({
      MCP_CIRCUIT_BREAKER_ENABLED: true,
      MCP_CIRCUIT_BREAKER_FAILURE_THRESHOLD: 5,
      MCP_CIRCUIT_BREAKER_TIMEOUT: 60,
      MCP_HEALTH_CHECK_INTERVAL: 30,
    });
  });
});
