/**
 * The README's flow on a new embedded database, against a production build: start; a token
 * from the command line while the app runs, used at /api/mcp; a user from the command line who
 * logs in; a booking through a signed Retell call; SIGTERM; start again and everything is there.
 * Then SIGKILL during a burst of bookings: after a restart every booking whose answer said
 * "gebucht" is there and nothing is half-written. And a second start on the same folder is
 * refused while the first keeps serving.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockFileFor, type LockInfo } from "@/server/platform/db/lock";
import { RETELL_SIGNATURE_HEADER, signRetell } from "@/server/integrations/retell/signature";
import { runScript, type ChildEnv } from "@/server/testing/run-script";
import { ensureBuild, freePort, spawnApp, stopApp, waitReady, type AppProcess } from "./app-server";

let root = "";
let dataDir = "";
const DEMO_NUMBER = "+49301234567";
const RETELL_KEY = "demo-retell-key";

let port = 0;
let baseUrl = "";
let env: ChildEnv = {};
let app: AppProcess | null = null;

const readLock = (): LockInfo => JSON.parse(fs.readFileSync(lockFileFor(dataDir), "utf8")) as LockInfo;

/** `npm start`, then waits until the app serves and owns the folder with its local channel open. */
async function start(): Promise<AppProcess> {
  const started = spawnApp(env);
  app = started;
  await waitReady(started, baseUrl);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const lock = fs.existsSync(lockFileFor(dataDir)) ? readLock() : null;
    if (lock?.kind === "app" && lock.controlPort) return started;
    if (Date.now() > deadline) throw new Error(`The app serves but does not own ${dataDir}:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stop(sig: NodeJS.Signals): Promise<{ inTime: boolean }> {
  const owner = fs.existsSync(lockFileFor(dataDir)) ? readLock().pid : app!.child.pid!;
  const result = await stopApp(app!, owner, sig);
  app = null;
  return result;
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "askpro-embedded-e2e-"));
  dataDir = path.join(root, "pglite");
  port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const { NODE_ENV: _nodeEnv, ...inherited } = process.env; // `npm start` as a user runs it; next sets production itself
  env = {
    ...inherited,
    PORT: String(port),
    APP_URL: baseUrl,
    PGLITE_DATA_DIR: dataDir,
    DATABASE_URL: "",
    REDIS_URL: "",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    // The checks below look up every caller of the burst; the default would answer 429 after 30 a minute.
    RATE_LIMITS: "appointments=10000",
  };
  ensureBuild(env);
});

afterAll(async () => {
  if (app) await stop("SIGKILL");
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

async function rpc(token: string, method: string, params: unknown): Promise<{ status: number; body: { result?: { success: boolean; data: unknown }; error?: { code: number } } }> {
  const res = await fetch(`${baseUrl}/api/mcp`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-mcp-token": token },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return { status: res.status, body: (await res.json()) as never };
}

interface Found {
  found: boolean;
  count: number;
  appointments: { id: string; date: string; time: string; service: string }[];
}
async function appointmentsOf(token: string, phone: string): Promise<Found> {
  const r = await rpc(token, "appointments.find", { phone });
  expect(r.body.error, JSON.stringify(r.body)).toBeUndefined();
  return r.body.result!.data as Found;
}

/** A custom-function call as Retell sends it, signed with the demo company's key. */
async function retell(callId: string, from: string, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const raw = JSON.stringify({ name, call: { call_id: callId, call_type: "phone_call", direction: "inbound", from_number: from, to_number: DEMO_NUMBER }, args });
  const res = await fetch(`${baseUrl}/api/mcp/retell/custom-function`, {
    method: "POST",
    headers: { "content-type": "application/json", [RETELL_SIGNATURE_HEADER]: signRetell(raw, RETELL_KEY, Date.now()) },
    body: raw,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

/** Finds the next free time from `from` (dd.mm.yyyy) and books it; the answer of the booking. */
async function bookNext(callId: string, phone: string, from: string): Promise<Record<string, unknown>> {
  const slot = await retell(callId, phone, "find_next_slot", { dienstleistung: "Bartpflege", ab: from });
  if (!slot.datum) return slot;
  return retell(callId, phone, "book_appointment", { datum: slot.datum, uhrzeit: slot.uhrzeit, dienstleistung: "Bartpflege", name: "Bernd Burst", telefonnummer: phone });
}

/** Logs in the way the login form does (next-auth credentials); the session's user e-mail. */
async function logIn(email: string, password: string): Promise<string | null> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const login = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  keep(login);
  const session = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: cookie() } })).json()) as { user?: { email?: string } };
  return session.user?.email ?? null;
}

const berlinDate = (daysAhead: number) =>
  new Date(Date.now() + daysAhead * 86_400_000).toLocaleDateString("de-DE", { timeZone: "Europe/Berlin", day: "2-digit", month: "2-digit", year: "numeric" });

describe("the app on the embedded database", () => {
  let token = "";
  const user = { email: "inhaberin@salon-test.de", password: "Neues-Passwort-2026" };
  const caller = "+4917611112222";
  let bookedId = "";

  it("starts on a new folder and owns it", async () => {
    await start();
    const lock = readLock();
    expect(lock).toMatchObject({ kind: "app", port });
    expect(lock.controlPort).toBeGreaterThan(0);
    expect(fs.statSync(lockFileFor(dataDir)).mode & 0o777).toBe(0o600);
    expect(app!.output()).toContain("demo companies seeded");
  });

  it("creates a token from the command line while it runs, accepted at /api/mcp at once", async () => {
    const r = await runScript("scripts/mcp-token.ts", ["--company", "demo", "--name", "Mein CRM", "--servers", "appointments"], env);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    token = r.stdout.trim().split("\n").at(-1)!;
    expect(token).toMatch(/^apk_/);
    const found = await rpc(token, "appointments.find", { phone: "0171 12345670" });
    expect(found.status).toBe(200);
    expect(found.body.error).toBeUndefined();
    expect(found.body.result?.success).toBe(true);
  });

  it("creates a user from the command line who logs in at once", async () => {
    const r = await runScript("scripts/user-create.ts", ["--company", "demo", "--email", user.email, "--name", "Ines Inhaberin", "--role", "admin", "--password", user.password], env);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(await logIn(user.email, user.password)).toBe(user.email);
    expect(await logIn(user.email, "falsches-Passwort")).toBeNull();
  });

  it("books through a signed Retell call", async () => {
    const answer = await bookNext(`call_e2e_${Date.now()}`, caller, berlinDate(2));
    expect(answer, JSON.stringify(answer)).toMatchObject({ success: true });
    expect(String(answer.message)).toContain("gebucht");
    bookedId = (answer.termin as { id: string }).id;
  });

  it("keeps everything over SIGTERM and a new start", async () => {
    expect(await stop("SIGTERM")).toEqual({ inTime: true });
    expect(fs.existsSync(lockFileFor(dataDir))).toBe(false); // released on the way out
    await start();
    expect(readLock().kind).toBe("app");
    const found = await appointmentsOf(token, caller);
    expect(found.appointments.map((a) => a.id)).toContain(bookedId);
    expect(await logIn(user.email, user.password)).toBe(user.email);
  });

  it("refuses a second start on the same folder, and the first keeps serving", async () => {
    const owner = readLock();
    const otherPort = await freePort();
    const second = spawnApp({ ...env, PORT: String(otherPort), APP_URL: `http://127.0.0.1:${otherPort}` });
    const code = await Promise.race([second.exited, new Promise<"hung">((r) => setTimeout(() => r("hung"), 60_000))]);
    if (code === "hung") second.signal("SIGKILL");
    expect(code).not.toBe("hung");
    expect(code).not.toBe(0);
    expect(second.output()).toContain(`PID ${owner.pid}`);
    expect(second.output()).toContain(`Port ${port}`);
    expect(second.output()).toContain("Die App läuft schon");
    expect(second.output()).toContain("The app is already running");
    expect(readLock().secret).toBe(owner.secret);
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
    expect((await appointmentsOf(token, caller)).appointments.map((a) => a.id)).toContain(bookedId);
  });

  it("keeps every booking answered with 'gebucht' over a SIGKILL during a burst, and opens again", async () => {
    const booked: { id: string; phone: string }[] = [];
    const tried: string[] = [];
    let running = true;
    const worker = async (w: number) => {
      for (let i = 0; running; i++) {
        const phone = `+49176${String(3_000_000 + w * 10_000 + i).padStart(8, "0")}`;
        tried.push(phone);
        try {
          const answer = await bookNext(`call_burst_${w}_${i}_${Date.now()}`, phone, berlinDate(3 + w * 5));
          if (answer.success === true && String(answer.message).includes("gebucht")) booked.push({ id: (answer.termin as { id: string }).id, phone });
        } catch {
          return; // the app is gone
        }
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    const deadline = Date.now() + 60_000;
    while (booked.length < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(booked.length).toBeGreaterThanOrEqual(6);
    expect(await stop("SIGKILL")).toEqual({ inTime: true });
    running = false;
    await Promise.all(workers);

    expect(fs.existsSync(lockFileFor(dataDir))).toBe(true); // left behind by the killed owner, taken over below
    await start();
    for (const b of booked) {
      const found = await appointmentsOf(token, b.phone);
      expect(found.appointments.map((a) => a.id), b.phone).toContain(b.id);
    }
    // Nothing half-written: every caller of the burst has at most the one appointment they asked for, complete.
    for (const phone of tried) {
      const found = await appointmentsOf(token, phone);
      expect(found.count, phone).toBeLessThanOrEqual(1);
      for (const a of found.appointments) expect(a).toMatchObject({ service: "Bartpflege", date: expect.any(String), time: expect.any(String) });
    }
    const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { status: string; migrations: { applied: boolean } };
    expect(health.migrations.applied).toBe(true);
    expect(health.status).not.toBe("down");
  });

  it("stops cleanly at the end", async () => {
    expect(await stop("SIGTERM")).toEqual({ inTime: true });
    expect(fs.existsSync(lockFileFor(dataDir))).toBe(false);
  });
});
