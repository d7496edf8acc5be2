/**
 * Two production instances on one PostgreSQL and one Redis, under the faults a deployment
 * meets: an instance killed during bookings, Redis unreachable, a token revoked elsewhere, the
 * database gone. Everything is measured over HTTP, the way clients and Retell see it; the
 * measurements are printed as a table at the end.
 */
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/server/core/errors";
import { ensureBuild } from "../embedded/app-server";
import {
  baseEnv,
  berlinDate,
  createToken,
  DATABASE,
  dropDatabase,
  flushRedis,
  Instance,
  latencies,
  percentile,
  PG_ADMIN_URL,
  prepareDatabase,
  revokeToken,
  timeUntil,
} from "./cluster";
import type { ChildEnv } from "@/server/testing/run-script";

const run = randomBytes(3).toString("hex");
let env: ChildEnv = {};
let a: Instance;
let b: Instance;
let token = "";
/** fault → what clients got → recovery, filled in by the tests and printed at the end. */
const table: [string, string, string][] = [];

beforeAll(async () => {
  env = baseEnv();
  ensureBuild(env);
  await prepareDatabase(env);
  await flushRedis();
  a = await Instance.create("A", env);
  b = await Instance.create("B", env);
  await Promise.all([a.start(), b.start()]);
  token = await createToken(env, "Mehrere Instanzen", "appointments,branch");
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await dropDatabase();
  if (table.length) {
    const lines = ["| Fault | What clients got (measured) | Recovery (measured) |", "|---|---|---|", ...table.map((r) => `| ${r.join(" | ")} |`)];
    console.log(`\nMulti-instance faults:\n${lines.join("\n")}\n`);
  }
});

const NAMES = ["Anna Albers", "Bernd Busch", "Clara Conrad", "Dieter Dahl", "Emma Engel", "Felix Fuchs", "Greta Graf", "Hans Hoff", "Ida Imhof", "Jonas Jahn"];
const ms = (n: number) => `${Math.round(n)} ms`;

/** `count` distinct free Bartpflege slots, found through Retell on instance `on`. */
async function freeSlots(on: Instance, count: number): Promise<{ datum: string; uhrzeit: string }[]> {
  const slots: { datum: string; uhrzeit: string }[] = [];
  const seen = new Set<string>();
  for (let day = 2; slots.length < count && day < 60; day++) {
    const r = await on.retell(`call_prep_${run}_${day}`, "+4917600000000", "find_next_slot", { dienstleistung: "Bartpflege", ab: berlinDate(day) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const { datum, uhrzeit } = r.body as { datum?: string; uhrzeit?: string };
    if (!datum || !uhrzeit || seen.has(`${datum} ${uhrzeit}`)) continue;
    seen.add(`${datum} ${uhrzeit}`);
    slots.push({ datum, uhrzeit });
  }
  expect(slots).toHaveLength(count);
  return slots;
}

async function appointmentCount(on: Instance, phone: string): Promise<number> {
  const r = await on.rpc(token, "appointments.find", { phone });
  expect(r.body.error, JSON.stringify(r.body)).toBeUndefined();
  return (r.body.result!.data as { count: number }).count;
}

describe("two production instances on one PostgreSQL and one Redis", () => {
  it("books every call retried on B after A was killed (kill -9) during a burst, each once", async () => {
    const calls = (await freeSlots(b, NAMES.length)).map((slot, i) => {
      const phone = `+49176${String(5_000_000 + i).padStart(8, "0")}`;
      return { callId: `call_crash_${run}_${i}`, phone, args: { ...slot, dienstleistung: "Bartpflege", name: NAMES[i], telefonnummer: phone } };
    });

    // The burst on A; A dies as soon as its first booking is answered, with the rest in flight.
    const answeredByA = new Map<string, Record<string, unknown>>();
    const burst = calls.map((c) =>
      a
        .retell(c.callId, c.phone, "book_appointment", c.args)
        .then((r) => void (r.status === 200 && answeredByA.set(c.callId, r.body)))
        .catch(() => undefined),
    );
    expect(await timeUntil(async () => answeredByA.size >= 1, 60_000, 5)).not.toBeNull();
    await a.kill9();
    await Promise.all(burst);
    const inFlight = calls.length - answeredByA.size;
    expect(inFlight, "the kill must catch calls in flight").toBeGreaterThan(0);

    // Retell's retries: the same call ids and arguments, now to B.
    const retried = await Promise.all(
      calls.map(async (c) => {
        const started = performance.now();
        const r = await b.retell(c.callId, c.phone, "book_appointment", c.args);
        return { ...r, call: c, ms: performance.now() - started };
      }),
    );
    for (const r of retried) {
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body, JSON.stringify(r.body)).toMatchObject({ success: true });
      expect(String(r.body.message)).toContain("gebucht");
      expect(r.ms, `${r.call.callId} answered after ${Math.round(r.ms)} ms`).toBeLessThan(15_000);
      const first = answeredByA.get(r.call.callId);
      if (first?.success) expect((r.body.termin as { id: string }).id).toBe((first.termin as { id: string }).id);
    }
    for (const c of calls) expect(await appointmentCount(b, c.phone), c.phone).toBe(1);

    const slowest = Math.max(...retried.map((r) => r.ms));
    table.push([
      `kill -9 of instance A during a burst of ${calls.length} Retell bookings (${inFlight} in flight)`,
      `retries on B: ${calls.length}/${calls.length} "gebucht", 0 × 3007, each caller booked once; answers ${ms(Math.min(...retried.map((r) => r.ms)))}–${ms(slowest)}`,
      `${ms(slowest)} (lease expiry, then booked on B)`,
    ]);

    await a.start(); // back for the next faults
  });

  it("serves a cached read at normal speed while Redis is unreachable, reports degraded, and is coherent again after", async () => {
    const list = async (on: Instance) => {
      const r = await on.rpc(token, "branch.list");
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.result!;
    };
    const cityOn = async (on: Instance) => (((await list(on)).data as { branches: { city: string | null }[] }).branches[0]!.city);
    const branchId = ((await list(b)).data as { branches: { id: string }[] }).branches[0]!.id;
    const update = async (on: Instance, city: string) => {
      const r = await on.rpc(token, "branch.update", { branch_id: branchId, city });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.error, JSON.stringify(r.body)).toBeUndefined();
    };

    const readA = async () => void (await list(a));
    const bothHealthy = async () => (await a.health()).body.status === "ok" && (await b.health()).body.status === "ok";
    await latencies(30, readA); // warm up (JIT, pools, the cache entry)
    // Normal and outage reads in alternating rounds, so that a change in the machine's load
    // during the measurement weighs on both alike.
    const normal: number[] = [];
    const outage: number[] = [];
    let cutAt = 0;
    for (let round = 0; round < 3; round++) {
      if (round > 0) {
        await Promise.all([a.redisProxy.restore(), b.redisProxy.restore()]);
        expect(await timeUntil(bothHealthy, 15_000), "Redis back between rounds").not.toBeNull();
        await latencies(5, readA);
      }
      expect((await list(a)).metadata?.cached).toBe(true);
      normal.push(...(await latencies(100, readA)));
      await Promise.all([a.redisProxy.cut(), b.redisProxy.cut()]);
      cutAt = performance.now();
      outage.push(...(await latencies(100, readA)));
    }
    const [p50Normal, p99Normal, p50Outage, p99Outage] = [percentile(normal, 50), percentile(normal, 99), percentile(outage, 50), percentile(outage, 99)];
    expect(p99Outage, `p99 ${p99Outage.toFixed(1)} ms in the outage, ${p99Normal.toFixed(1)} ms normally`).toBeLessThan(2 * p99Normal);
    expect((await list(a)).metadata?.cached).toBe(false); // the cache is bypassed, not half-used
    for (const i of [a, b]) {
      const h = await i.health();
      expect(h.status).toBe(200);
      expect(h.body).toMatchObject({ status: "degraded", redis: "unreachable" });
      expect(await i.ready()).toBe(200); // still ready: it serves from per-instance fallbacks
    }
    // A Retell function still answers in its normal time (Retell's tool timeout is a few seconds).
    const retellStarted = performance.now();
    const slot = await b.retell(`call_redis_${run}`, "+4917600000001", "find_next_slot", { dienstleistung: "Bartpflege", ab: berlinDate(3) });
    const retellMs = performance.now() - retellStarted;
    expect(slot.status).toBe(200);
    expect(retellMs).toBeLessThan(2_000);

    // A change made during the outage is seen by the other instance at once (both bypass the cache) ...
    const duringOutage = `Ausfallstadt ${run}`;
    await update(a, duringOutage);
    expect(await cityOn(b)).toBe(duringOutage);
    const outageMs = performance.now() - cutAt;

    // ... and after Redis is back, the entry cached before the outage is not served again once
    // A, which missed the invalidation, is connected (it replays it then). Until A reconnects,
    // B may still read that entry: watched and reported.
    await Promise.all([a.redisProxy.restore(), b.redisProxy.restore()]);
    const restoredAt = performance.now();
    let lastStaleMs: number | null = null;
    let healthyMs: number | null = null;
    while (healthyMs === null && performance.now() - restoredAt < 15_000) {
      if ((await cityOn(b)) !== duringOutage) lastStaleMs = performance.now() - restoredAt;
      if (await bothHealthy()) healthyMs = performance.now() - restoredAt;
      else await new Promise((r) => setTimeout(r, 20));
    }
    expect(healthyMs, "health ok again on both").not.toBeNull();
    for (let i = 0; i < 20; i++) {
      expect(await cityOn(b)).toBe(duringOutage);
      expect(await cityOn(a)).toBe(duringOutage);
    }
    expect((await list(b)).metadata?.cached).toBe(true); // caching again
    // A change on one instance is seen on the other within a second, through the shared cache.
    const after = `Nachherstadt ${run}`;
    await update(a, after);
    const coherentMs = await timeUntil(async () => (await cityOn(b)) === after, 1_000, 10);
    expect(coherentMs, "B sees A's change within 1 s").not.toBeNull();

    table.push([
      `Redis unreachable for both instances (${ms(outageMs)})`,
      `cached gateway read p50/p99 ${ms(p50Outage)}/${ms(p99Outage)} (normally ${ms(p50Normal)}/${ms(p99Normal)}), 0 errors; a Retell function ${ms(retellMs)}; health "degraded", still ready; a change on A seen on B at once`,
      `health "ok" ${ms(healthyMs!)} after Redis returned; stale reads on B: ${lastStaleMs === null ? "none" : `until ${ms(lastStaleMs)}`}, none after; the next change on A seen on B after ${ms(coherentMs!)}`,
    ]);
  });

  it("refuses a token revoked on the command line on both instances within a second", async () => {
    const revoked = await createToken(env, `Widerruf ${run}`, "branch");
    for (const i of [a, b]) expect((await i.rpc(revoked, "branch.list")).status).toBe(200); // cached as valid on both
    const refusedAt: Record<string, number> = {};
    let polling = true;
    const watch = async (i: Instance) => {
      while (polling && refusedAt[i.name] === undefined) {
        const r = await i.rpc(revoked, "branch.list");
        if (r.status === 401) {
          expect(r.body.error?.code).toBe(-32001);
          refusedAt[i.name] = Date.now();
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const watchers = [watch(a), watch(b)];
    await revokeToken(env, revoked);
    await timeUntil(async () => Object.keys(refusedAt).length === 2, 5_000, 20);
    polling = false;
    await Promise.all(watchers);

    const db = new pg.Client({ connectionString: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${DATABASE}`) });
    await db.connect();
    const { rows } = await db.query<{ revokedAt: Date }>(`SELECT "revokedAt" FROM api_tokens WHERE "tokenHash" = $1`, [createHash("sha256").update(revoked).digest("hex")]);
    await db.end();
    const revokedAt = rows[0]!.revokedAt.getTime();
    const delays = [a, b].map((i) => {
      expect(refusedAt[i.name], `instance ${i.name} still accepts the revoked token`).toBeDefined();
      return refusedAt[i.name]! - revokedAt;
    });
    for (const d of delays) expect(d).toBeLessThan(1_000);
    table.push([
      "API token revoked on the command line (no instance involved)",
      "401 / -32001 on both instances",
      `refused ${ms(delays[0]!)} (A) and ${ms(delays[1]!)} (B) after the revocation was written`,
    ]);
  });

  it("answers 503 with 3004 and retry_after while its database is gone, the German sentence on Retell, and recovers by itself", async () => {
    const phone = "+4917600000002";
    await a.pgProxy.cut();
    const cutAt = performance.now();

    const gwStarted = performance.now();
    const gw = await a.rpc(token, "appointments.find", { phone });
    const gwMs = performance.now() - gwStarted;
    expect(gw.status, JSON.stringify(gw.body)).toBe(503);
    expect(gw.body.error?.code).toBe(3004);
    expect(gw.body.error?.data?.retry_after).toBeGreaterThan(0);

    const rtStarted = performance.now();
    const rt = await a.retell(`call_db_${run}`, phone, "find_next_slot", { dienstleistung: "Bartpflege", ab: berlinDate(4) });
    const rtMs = performance.now() - rtStarted;
    expect(rt.status, JSON.stringify(rt.body)).toBe(503);
    expect(rt.body).toMatchObject({ success: false, message: DATABASE_UNAVAILABLE_MESSAGE, error_code: 3004 });
    expect(rt.body.retry_after).toBeGreaterThan(0);
    expect(await a.ready()).toBe(503); // the load balancer stops sending to A
    expect(await b.ready()).toBe(200);
    expect((await b.rpc(token, "appointments.find", { phone })).status).toBe(200); // B keeps serving
    const outageMs = performance.now() - cutAt;

    await a.pgProxy.restore();
    const recoveredMs = await timeUntil(async () => (await a.ready()) === 200 && (await a.rpc(token, "appointments.find", { phone })).status === 200, 30_000, 100);
    expect(recoveredMs, "A answers again by itself").not.toBeNull();
    expect(recoveredMs!).toBeLessThan(10_000);
    const [slot] = await freeSlots(a, 1);
    const booked = await a.retell(`call_db_after_${run}`, phone, "book_appointment", { ...slot, dienstleistung: "Bartpflege", name: "Karla Kern", telefonnummer: phone });
    expect(booked.body, JSON.stringify(booked.body)).toMatchObject({ success: true });

    table.push([
      `PostgreSQL unreachable for instance A (${ms(outageMs)})`,
      `gateway 503, code 3004, retry_after ${gw.body.error?.data?.retry_after} s in ${ms(gwMs)}; Retell 503 "${DATABASE_UNAVAILABLE_MESSAGE}" in ${ms(rtMs)}; /api/health/ready 503 on A; B unaffected`,
      `${ms(recoveredMs!)} after the database returned, by itself (ready, reads and a booking)`,
    ]);
  });
});
