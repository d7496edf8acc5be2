/**
 * Two production instances (the production server of the build in NEXT_DIST_DIR) on one PostgreSQL and
 * one Redis, each reaching them through its own TCP proxy on 127.0.0.1 that the test can cut:
 * the multi-instance test's machinery. Everything here speaks HTTP to the instances or runs
 * the project's own command-line tools, as an operator would.
 */
import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import pg from "pg";
import { RETELL_SIGNATURE_HEADER, signRetell } from "@/server/integrations/retell/signature";
import { runProcess, runScript, type ChildEnv, type ScriptResult } from "@/server/testing/run-script";
import { startTcpProxy, type TcpProxy } from "@/server/testing/tcp-proxy";
import { DIST_DIR, freePort, spawnApp, waitReady, type AppProcess } from "../embedded/app-server";

/** The machine's PostgreSQL (any database on it) and Redis; the suite's own database and Redis db live there. */
export const PG_ADMIN_URL = process.env.MULTI_INSTANCE_PG_URL || "postgresql://postgres@127.0.0.1:5432/test";
export const REDIS_SERVER_URL = process.env.MULTI_INSTANCE_REDIS_URL || "redis://127.0.0.1:6379";
export const DATABASE = "askpro_multi";
/** A Redis database of its own, so flushing it at the start touches no one else's keys. */
const REDIS_DB = 7;

export const DEMO_NUMBER = "+49301234567";
export const RETELL_KEY = "multi-instance-retell-key";

const databaseUrl = (): string => {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${DATABASE}`;
  return u.toString();
};
const redisUrl = (): string => {
  const u = new URL(REDIS_SERVER_URL);
  u.pathname = `/${REDIS_DB}`;
  return u.toString();
};

/** What both instances and the command-line tools share: the database, Redis and the secrets. */
export function baseEnv(): ChildEnv {
  const { NODE_ENV: _nodeEnv, ...inherited } = process.env; // the production server sets production itself
  return {
    ...inherited,
    DATABASE_URL: databaseUrl(),
    REDIS_URL: redisUrl(),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    DEMO_RETELL_API_KEY: RETELL_KEY,
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    // The suite reads far more often than a person would; the limits are proven elsewhere.
    RATE_LIMITS: "appointments=100000,branch=100000,retell.function=100000",
  };
}

function ok(r: ScriptResult, what: string): string {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Drops and recreates the suite's database, migrates it with `prisma migrate deploy` and seeds the demo companies. */
export async function prepareDatabase(env: ChildEnv): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  ok(await runProcess("npx", ["--no-install", "prisma", "migrate", "deploy"], env), "prisma migrate deploy");
  ok(await runScript("prisma/seed.ts", [], { ...env, SEED_DEMO: "true" }), "db:seed");
}

export async function dropDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function flushRedis(): Promise<void> {
  const redis = new Redis(redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  await redis.flushdb();
  redis.disconnect();
}

/** `npm run mcp:token` on the database directly (no instance involved); the printed token. */
export async function createToken(env: ChildEnv, name: string, servers: string): Promise<string> {
  const out = ok(await runScript("scripts/mcp-token.ts", ["--company", "demo", "--name", name, "--servers", servers], env), "mcp:token");
  const token = out.trim().split("\n").at(-1)!;
  if (!token.startsWith("apk_")) throw new Error(`Unexpected mcp:token output:\n${out}`);
  return token;
}

export async function revokeToken(env: ChildEnv, token: string): Promise<void> {
  ok(await runScript("scripts/mcp-token.ts", ["--company", "demo", "--revoke", token.slice(0, 12)], env), "mcp:token --revoke");
}

/** One production instance behind its own PostgreSQL and Redis proxies. */
export class Instance {
  app: AppProcess | null = null;
  private constructor(
    readonly name: string,
    readonly port: number,
    readonly pgProxy: TcpProxy,
    readonly redisProxy: TcpProxy,
    private readonly env: ChildEnv,
  ) {}

  static async create(name: string, shared: ChildEnv): Promise<Instance> {
    const port = await freePort();
    const pgTarget = new URL(PG_ADMIN_URL);
    const redisTarget = new URL(REDIS_SERVER_URL);
    const pgProxy = await startTcpProxy(pgTarget.hostname, Number(pgTarget.port || 5432));
    const redisProxy = await startTcpProxy(redisTarget.hostname, Number(redisTarget.port || 6379));
    const env: ChildEnv = {
      ...shared,
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: pgProxy.url(shared.DATABASE_URL!),
      REDIS_URL: redisProxy.url(shared.REDIS_URL!),
    };
    return new Instance(name, port, pgProxy, redisProxy, env);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The production server of `npm start` on the build; resolves once /api/health answers 200. */
  async start(): Promise<void> {
    this.app = spawnApp(this.env, ["node", "server/doors/http/server.mjs", "-p", String(this.port), "-H", "127.0.0.1"]);
    await waitReady(this.app, this.baseUrl);
  }

  /** Kills the whole process group at once, as a crash or the OOM killer would. */
  async kill9(): Promise<void> {
    if (!this.app) return;
    this.app.signal("SIGKILL");
    await this.app.exited;
    this.app = null;
  }

  async stop(): Promise<void> {
    if (!this.app) return;
    const app = this.app;
    app.signal("SIGTERM");
    const timer = setTimeout(() => app.signal("SIGKILL"), 15_000);
    await app.exited;
    clearTimeout(timer);
    this.app = null;
  }

  async close(): Promise<void> {
    await this.kill9();
    await this.pgProxy.close();
    await this.redisProxy.close();
  }

  output(): string {
    return this.app?.output() ?? "";
  }

  /** One JSON-RPC call at the gateway. */
  async rpc(token: string, method: string, params: unknown = {}): Promise<RpcAnswer> {
    const res = await fetch(`${this.baseUrl}/api/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-mcp-token": token },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as RpcAnswer["body"] };
  }

  /** A custom-function call as Retell sends it (and re-sends it), signed with the demo company's key. */
  async retell(callId: string, from: string, name: string, args: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
    const raw = JSON.stringify({ name, call: { call_id: callId, call_type: "phone_call", direction: "inbound", from_number: from, to_number: DEMO_NUMBER }, args });
    const res = await fetch(`${this.baseUrl}/api/mcp/retell/custom-function`, {
      method: "POST",
      headers: { "content-type": "application/json", [RETELL_SIGNATURE_HEADER]: signRetell(raw, RETELL_KEY, Date.now()) },
      body: raw,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  }

  async health(): Promise<{ status: number; body: { status?: string; redis?: string; database?: unknown } }> {
    const res = await fetch(`${this.baseUrl}/api/health`);
    return { status: res.status, body: (await res.json()) as never };
  }

  async ready(): Promise<number> {
    return (await fetch(`${this.baseUrl}/api/health/ready`)).status;
  }
}

export interface RpcAnswer {
  status: number;
  body: {
    result?: { success: boolean; data: unknown; metadata?: { cached?: boolean } };
    error?: { code: number; message: string; data?: { retry_after?: number; type?: string } };
  };
}

export { DIST_DIR };

/** Polls `probe` every `everyMs` until it returns true; the milliseconds it took, or null after `timeoutMs`. */
export async function timeUntil(probe: () => Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      if (await probe()) return Math.round(performance.now() - started);
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return null;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Milliseconds of each of `n` sequential calls. */
export async function latencies(n: number, call: () => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await call();
    out.push(performance.now() - started);
  }
  return out;
}

export const berlinDate = (daysAhead: number): string =>
  new Date(Date.now() + daysAhead * 86_400_000).toLocaleDateString("de-DE", { timeZone: "Europe/Berlin", day: "2-digit", month: "2-digit", year: "numeric" });
