import autocannon from "autocannon";
import type { LoadOptions, Measurement } from "./types";

export const WARMUP_SECONDS = 2;

async function fire(url: string, opts: LoadOptions, connections: number, duration: number) {
  return autocannon({
    url,
    connections,
    duration,
    method: opts.method ?? "GET",
    headers: opts.headers,
    body: opts.body,
  });
}

/** Warm-up, then the measured run; latency in milliseconds. */
export async function measure(baseUrl: string, label: string, opts: LoadOptions & { connections: number; durationSeconds: number }): Promise<Measurement> {
  const url = baseUrl + opts.path;
  await fire(url, opts, opts.connections, WARMUP_SECONDS);
  const r = await fire(url, opts, opts.connections, opts.durationSeconds);
  return {
    label,
    requestsPerSecond: r.requests.average,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    failures: r.non2xx + r.errors + r.timeouts,
    total: r.requests.total,
  };
}
