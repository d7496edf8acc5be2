/**
 * Benchmark section "retell": latency of signed custom-function calls as Retell sends them,
 * for check_availability and book_appointment at 1 and 10 concurrent calls, on the demo
 * company of the embedded default. Each request is a new call (its own call id), so every
 * request runs the function instead of being answered from the retry store; bookings spread
 * over the booking window, so most find a free slot and some find it taken, as in real life.
 *
 * Used by bench/run.ts with the running server's URL; also runnable alone:
 *   tsx bench/sections/retell.ts http://localhost:3000
 */
import { randomUUID } from "node:crypto";
import { RETELL_SIGNATURE_HEADER, signRetell } from "@/server/integrations/retell/signature";

export interface LatencyStats {
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface RetellBenchRow extends LatencyStats {
  scenario: "check_availability" | "book_appointment";
  concurrency: number;
  /** The bare route's latency at the same concurrency, when the runner measured it. */
  baseline?: { p50Ms: number; p99Ms: number };
  /** p99 under 100 ms at 10 concurrent calls. */
  targetMet: boolean | null;
}

export interface RetellBenchOptions {
  /** Base URL of the running app, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Requests per worker (default 50). */
  requestsPerWorker?: number;
  concurrencies?: number[];
  apiKey?: string;
  phoneNumber?: string;
  /** Bare-route latency per concurrency from the runner. */
  baseline?: (concurrency: number) => { p50Ms: number; p99Ms: number } | undefined;
}

export const P99_TARGET_MS = 100;
const TARGET_CONCURRENCY = 10;

export async function benchRetell(options: RetellBenchOptions): Promise<RetellBenchRow[]> {
  const concurrencies = options.concurrencies ?? [1, 10];
  const perWorker = options.requestsPerWorker ?? 50;
  const rows: RetellBenchRow[] = [];
  for (const scenario of ["check_availability", "book_appointment"] as const) {
    for (const concurrency of concurrencies) {
      await runLoad(options, scenario, 1, Math.min(5, perWorker)); // warm-up: compile, caches, connections
      const stats = await runLoad(options, scenario, concurrency, perWorker);
      rows.push({
        scenario,
        concurrency,
        ...stats,
        baseline: options.baseline?.(concurrency),
        targetMet: concurrency === TARGET_CONCURRENCY ? stats.p99Ms < P99_TARGET_MS : null,
      });
    }
  }
  return rows;
}

let sequence = 0;

/** Arguments of one request: a slot somewhere in the next weeks, a fresh caller. */
function argsFor(scenario: RetellBenchRow["scenario"]): Record<string, unknown> {
  const n = sequence++;
  const day = 1 + (n % 40);
  const date = new Date(Date.now() + day * 86_400_000).toISOString().slice(0, 10);
  const minutes = 9 * 60 + ((n * 15) % (8 * 60));
  const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  const base = { datum: date, uhrzeit: time, dienstleistung: n % 2 === 0 ? "Herrenhaarschnitt" : "Damenhaarschnitt" };
  return scenario === "check_availability" ? base : { ...base, name: `Bench Kunde ${n}`, telefonnummer: `+49176${String(10_000_000 + n).slice(-8)}` };
}

async function runLoad(
  options: RetellBenchOptions,
  scenario: RetellBenchRow["scenario"],
  concurrency: number,
  perWorker: number,
): Promise<LatencyStats> {
  const apiKey = options.apiKey ?? process.env.DEMO_RETELL_API_KEY ?? "demo-retell-key";
  const toNumber = options.phoneNumber ?? "+49301234567";
  const url = `${options.url.replace(/\/+$/, "")}/api/mcp/retell/custom-function`;
  const latencies: number[] = [];
  let errors = 0;

  const worker = async () => {
    for (let i = 0; i < perWorker; i++) {
      const body = JSON.stringify({
        name: scenario,
        call: { call_id: `bench_${randomUUID()}`, direction: "inbound", from_number: "+4917600000000", to_number: toNumber },
        args: argsFor(scenario),
      });
      const started = performance.now();
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", [RETELL_SIGNATURE_HEADER]: signRetell(body, apiKey, Date.now()) },
          body,
        });
        const answer = (await response.json()) as { message?: unknown };
        if (!response.ok || typeof answer.message !== "string") errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarize(latencies, errors);
}

export function summarize(latencies: number[], errors: number): LatencyStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { requests: sorted.length, errors, p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted.at(-1) ?? 0) };
}

export function formatRows(rows: RetellBenchRow[]): string {
  const lines = ["scenario             conc  requests  errors   p50 ms   p99 ms   baseline p50/p99   p99<100ms@10"];
  for (const r of rows) {
    const baseline = r.baseline ? `${r.baseline.p50Ms}/${r.baseline.p99Ms}` : "-";
    const target = r.targetMet === null ? "" : r.targetMet ? "ja" : "NEIN";
    lines.push(
      `${r.scenario.padEnd(20)} ${String(r.concurrency).padStart(4)}  ${String(r.requests).padStart(8)}  ${String(r.errors).padStart(6)}  ${String(r.p50Ms).padStart(7)}  ${String(r.p99Ms).padStart(7)}   ${baseline.padStart(16)}   ${target}`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1]?.endsWith("bench/sections/retell.ts")) {
  const url = process.argv[2] ?? process.env.APP_URL ?? "http://localhost:3000";
  benchRetell({ url })
    .then((rows) => console.log(formatRows(rows)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
