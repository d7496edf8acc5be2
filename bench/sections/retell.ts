/**
 * Benchmark section "retell": latency of signed custom-function calls as Retell sends them,
 * for check_availability and book_appointment at 1 and 10 concurrent calls, on the demo
 * company of the embedded default. Each request is a new call (its own call id), so every
 * request runs the function instead of being answered from the retry store; bookings spread
 * over the booking window, so most find a free slot and some find it taken, as in real life.
 * Like the other sections, each measurement warms up first (code paths, caches, prepared
 * statements) and then runs for the bench's duration. The demo branch's three people fill up after
 * a few hundred bookings, and a refused booking costs less than a made one; so before the booking
 * runs the section adds people to the branch through the gateway (when it has a token), enough for
 * most bookings of the run to be made. The printed "answered with success" counts tell the mix.
 *
 * Part of `npm run bench` (p50/p99 next to the bare-route baseline); also runnable alone
 * against a running app:  tsx bench/sections/retell.ts http://localhost:3000
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { RETELL_SIGNATURE_HEADER, signRetell } from "@/server/integrations/retell/signature";
import { WARMUP_SECONDS } from "../lib/load";
import { defineSection, type Measurement } from "../lib/types";

type Scenario = "check_availability" | "book_appointment";

export interface RetellBenchOptions {
  /** Base URL of the running app, e.g. http://127.0.0.1:3000 */
  url: string;
  /** An API token of the demo company: with it, people are added for the booking runs. */
  token?: string;
  /** Seconds per measurement, after the warm-up (default 10). */
  durationSeconds?: number;
  concurrencies?: number[];
  apiKey?: string;
  phoneNumber?: string;
  log?: (line: string) => void;
}

/** The issue's target: p99 under 100 ms at 10 concurrent calls. */
export const P99_TARGET_MS = 100;
const TARGET_CONCURRENCY = 10;
const DEMO_NUMBER = "+49301234567";
/** People added for the booking runs: about 300 bookings fit each one's 40 days at the bench's times. */
const ADDED_PEOPLE = 20;

/** For `npm run bench`: measured against the runner's server, printed next to its bare-route baseline. */
export const section = defineSection({
  name: "retell custom functions",
  run: (ctx) => benchRetell({ url: ctx.baseUrl, token: ctx.token, durationSeconds: ctx.durationSeconds }),
});

export async function benchRetell(options: RetellBenchOptions): Promise<Measurement[]> {
  const log = options.log ?? console.log;
  const results: Measurement[] = [];
  for (const scenario of ["check_availability", "book_appointment"] as const) {
    if (scenario === "book_appointment") {
      if (options.token) log(`  added ${await addBookingCapacity(options.url, options.token, options.phoneNumber ?? DEMO_NUMBER)} people to the called branch for the booking runs`);
      else log("  no token: the booking runs use the demo branch as it is, and most bookings will find their time taken");
    }
    for (const concurrency of options.concurrencies ?? [1, TARGET_CONCURRENCY]) {
      await runLoad(options, scenario, concurrency, WARMUP_SECONDS);
      const { measurement: m, succeeded } = await runLoad(options, scenario, concurrency, options.durationSeconds ?? 10);
      results.push(m);
      const answered = `${succeeded} of ${m.total} answered with success: true`;
      log(`  ${m.label}: ${answered}${concurrency === TARGET_CONCURRENCY ? `; p99 ${m.latencyP99Ms.toFixed(1)} ms (target < ${P99_TARGET_MS} ms: ${m.latencyP99Ms < P99_TARGET_MS ? "met" : "missed"})` : ""}`);
    }
  }
  return results;
}

/** Adds people offering both haircuts, Monday to Saturday 09:00-17:00, to the branch of the called number. */
async function addBookingCapacity(url: string, token: string, number: string): Promise<number> {
  const rpc = async <T>(method: string, params: object): Promise<T> => {
    const response = await fetch(`${url.replace(/\/+$/, "")}/api/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-mcp-token": token },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const answer = (await response.json()) as { result?: { data: T }; error?: { message: string } };
    if (!answer.result) throw new Error(`${method}: ${answer.error?.message ?? response.status}`);
    return answer.result.data;
  };
  const { branches } = await rpc<{ branches: Array<{ id: string; phone: string | null }> }>("branch.list", {});
  const branch = branches.find((b) => b.phone === number);
  if (!branch) throw new Error(`no branch has the number ${number}`);
  const { services } = await rpc<{ services: Array<{ id: string; name: string }> }>("service.list", {});
  const serviceIds = services.filter((s) => s.name === "Herrenhaarschnitt" || s.name === "Damenhaarschnitt").map((s) => s.id);
  const day = [{ start: "09:00", end: "17:00" }];
  const hours = Object.fromEntries(["1", "2", "3", "4", "5", "6"].map((d) => [d, day]));
  for (let i = 1; i <= ADDED_PEOPLE; i++) {
    await rpc("staff.create", { name: `Bench Kraft ${i}`, branch_id: branch.id, service_ids: serviceIds, working_hours: hours });
  }
  return ADDED_PEOPLE;
}

let sequence = 0;

/** Arguments of one request: a slot somewhere in the next weeks, a fresh caller. */
function argsFor(scenario: Scenario): Record<string, unknown> {
  const n = sequence++;
  const day = 1 + (n % 40);
  const date = new Date(Date.now() + day * 86_400_000).toISOString().slice(0, 10);
  // The next round of days takes the next quarter hour: 40 days × 32 times before a time comes round again.
  const minutes = 9 * 60 + ((Math.floor(n / 40) * 15) % (8 * 60));
  const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  const base = { datum: date, uhrzeit: time, dienstleistung: n % 2 === 0 ? "Herrenhaarschnitt" : "Damenhaarschnitt" };
  return scenario === "check_availability" ? base : { ...base, name: `Bench Kunde ${n}`, telefonnummer: `+49176${String(10_000_000 + n).slice(-8)}` };
}

/** `concurrency` callers, each sending its next request when the last one is answered, for `seconds`. */
async function runLoad(options: RetellBenchOptions, scenario: Scenario, concurrency: number, seconds: number): Promise<{ measurement: Measurement; succeeded: number }> {
  const apiKey = options.apiKey ?? process.env.DEMO_RETELL_API_KEY ?? "demo-retell-key";
  const toNumber = options.phoneNumber ?? DEMO_NUMBER;
  const url = `${options.url.replace(/\/+$/, "")}/api/mcp/retell/custom-function`;
  const latencies: number[] = [];
  let failures = 0;
  let succeeded = 0;
  const started = performance.now();
  const endsAt = started + seconds * 1000;

  const worker = async () => {
    while (performance.now() < endsAt) {
      // A new call id per request: every request runs the function instead of being answered from the retry store.
      const body = JSON.stringify({
        name: scenario,
        call: { call_id: `bench_${randomUUID()}`, direction: "inbound", from_number: "+4917600000000", to_number: toNumber },
        args: argsFor(scenario),
      });
      const sent = performance.now();
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", [RETELL_SIGNATURE_HEADER]: signRetell(body, apiKey, Date.now()) },
          body,
        });
        const answer = (await response.json()) as { message?: unknown; success?: unknown };
        if (!response.ok || typeof answer.message !== "string") failures++;
        else if (answer.success === true) succeeded++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return {
    measurement: {
      label: `retell ${scenario} ×${concurrency}`,
      requestsPerSecond: sorted.length / elapsed,
      latencyP50Ms: at(0.5),
      latencyP99Ms: at(0.99),
      failures,
      total: sorted.length,
    },
    succeeded,
  };
}

if (process.argv[1]?.endsWith("bench/sections/retell.ts")) {
  const url = process.argv[2] ?? process.env.APP_URL ?? "http://localhost:3000";
  benchRetell({ url })
    .then((rows) => {
      for (const m of rows) {
        console.log(`${m.label.padEnd(36)} ${m.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${m.latencyP50Ms.toFixed(1).padStart(7)} ms  p99 ${m.latencyP99Ms.toFixed(1).padStart(7)} ms  failures ${m.failures}`);
      }
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
