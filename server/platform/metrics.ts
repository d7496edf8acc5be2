import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { env } from "@/server/platform/env";
import { circuitStateValues, OUTBOUND_SERVICES } from "@/server/platform/resilience";
import { safeEqual } from "@/server/platform/crypto";
import { countCall } from "@/server/platform/call-window";
import { isFailureCode } from "@/server/core/errors";

/** Prometheus metrics (calls, latency, errors, breakers), served at /api/metrics. One registry per process. */
interface Metrics {
  registry: Registry;
  requests: Counter<"server" | "method" | "status">;
  duration: Histogram<"server" | "method">;
  errors: Counter<"server" | "error_code">;
}

const g = globalThis as unknown as { __askproMetrics?: Metrics };

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "mcp_request_total",
    help: "MCP method calls by server, method and outcome.",
    labelNames: ["server", "method", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "mcp_request_duration_seconds",
    help: "Duration of MCP method calls.",
    labelNames: ["server", "method"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: "mcp_error_total",
    help: "Failed MCP method calls by server and error code.",
    labelNames: ["server", "error_code"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "mcp_circuit_breaker_state",
    help: "Circuit breaker state per outbound service: 0 closed, 1 open, 2 half-open.",
    labelNames: ["service"] as const,
    registers: [registry],
    collect() {
      const states = circuitStateValues();
      for (const service of OUTBOUND_SERVICES) this.set({ service }, states[service]);
    },
  });
  return { registry, requests, duration, errors };
}

function metrics(): Metrics {
  g.__askproMetrics ??= create();
  return g.__askproMetrics;
}

/**
 * Records one finished method call. `errorCode` is set for failures (JSON-RPC or domain code);
 * with `companyId` the call also counts towards the company's error rate of the last hour, where
 * a refusal (slot taken, invalid input: `REFUSAL_CODES`) is not a failure.
 */
export function recordCall(server: string, method: string, seconds: number, errorCode?: number, companyId?: string): void {
  if (companyId) countCall(companyId, errorCode !== undefined && isFailureCode(errorCode));
  const m = metrics();
  m.requests.inc({ server, method, status: errorCode === undefined ? "success" : "error" });
  m.duration.observe({ server, method }, seconds);
  if (errorCode !== undefined) m.errors.inc({ server, error_code: String(errorCode) });
}

export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const m = metrics();
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}

/**
 * GET /api/metrics: the exposition text; Bearer METRICS_TOKEN required when it is set, and in
 * production always (without a configured token nobody gets the figures).
 */
export async function handleMetricsRequest(
  request: Request,
  expected = env().METRICS_TOKEN,
  production = env().NODE_ENV === "production",
): Promise<Response> {
  if (expected || production) {
    const header = request.headers.get("authorization") ?? "";
    const given = header.toLowerCase().startsWith("bearer ") ? header.slice(7).trim() : "";
    if (!expected || !safeEqual(given, expected)) {
      return new Response("Nicht autorisiert\n", {
        status: 401,
        headers: { "content-type": "text/plain; charset=utf-8", "www-authenticate": "Bearer" },
      });
    }
  }
  const { contentType, body } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
