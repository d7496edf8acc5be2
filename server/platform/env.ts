import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Environment, validated once. A missing or malformed variable stops the app with a message
 * naming it. Secrets for the embedded default are generated on first run into
 * `.data/secrets.json` (gitignored); production on PostgreSQL must set them explicitly.
 */
const boolish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Where the app says it lives when APP_URL is not set: reachable from this machine only. */
const DEFAULT_APP_URL = "http://localhost:3000";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  PGLITE_DATA_DIR: z.string().min(1).default(path.join(process.cwd(), ".data", "pglite")),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .optional(),
  APP_URL: z.url().default(DEFAULT_APP_URL),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, "must be 64 hex characters (32 bytes)")
    .optional(),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().default("AskProAI <termine@askproai.local>"),
  DEMO_RETELL_API_KEY: z.string().min(8).default("demo-retell-key"),
  RETELL_API_BASE_URL: z.url().default("https://api.retellai.com"),
  CALCOM_API_BASE_URL: z.url().default("https://api.cal.com/v2"),
  /** SMS providers' API hosts; only tests and local development point them at the fakes (npm run fake:sms). */
  SMS_TWILIO_BASE_URL: z.url().default("https://api.twilio.com"),
  SMS_SEVEN_BASE_URL: z.url().default("https://gateway.seven.io"),
  /** Stripe's API host; only tests and local development point it at the fake (server/integrations/fakes/stripe-server.ts). */
  STRIPE_API_BASE_URL: z.url().default("https://api.stripe.com"),
  /** Development and tests only: company-configured URLs may use plain http and reach loopback/private addresses. */
  ALLOW_INSECURE_OUTBOUND_HTTP: boolish.default(false),
  /** Optional: the only hosts a company may point its Cal.com connection at, comma-separated. */
  CALCOM_ALLOWED_HOSTS: z
    .string()
    .regex(/^[a-z0-9.-]+(,[a-z0-9.-]+)*$/i, "must look like host,host")
    .optional(),
  OUTBOX_WORKER: boolish.default(true),
  /** Set when a reverse proxy in front of the app sets X-Forwarded-For; otherwise that header is ignored. */
  TRUST_PROXY: boolish.default(false),
  RATE_LIMITS: z
    .string()
    .regex(/^([a-z.]+=\d+)(,[a-z.]+=\d+)*$/, "must look like server=limit,server=limit")
    .optional(),
  /** Optional error reporting to Sentry (server side); without it errors stay in the app's own store. */
  SENTRY_DSN: z.url().optional(),
  SENTRY_ENVIRONMENT: z.string().min(1).optional(),
  /** Reading issues for the dashboard's error view: the operator's token (scope event:read), organisation and project. */
  SENTRY_API_BASE_URL: z.url().default("https://sentry.io/api/0/"),
  SENTRY_ORG: z.string().regex(/^[a-z0-9_-]+$/i, "must be the organisation's slug").optional(),
  SENTRY_PROJECT: z.string().regex(/^[a-z0-9_-]+$/i, "must be the project's slug or numeric id").optional(),
  SENTRY_AUTH_TOKEN: z.string().min(8).optional(),
});

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string; ENCRYPTION_KEY: string; embedded: boolean };

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example.`);
  }
  const env = result.data;
  const embedded = !env.DATABASE_URL;
  if (env.NODE_ENV === "production" && !embedded) {
    const missing = (["AUTH_SECRET", "ENCRYPTION_KEY"] as const).filter((k) => !env[k]);
    if (missing.length) {
      throw new EnvError(
        `Invalid environment configuration:\n${missing.map((k) => `  ${k}: required in production with DATABASE_URL`).join("\n")}\nSee .env.example.`,
      );
    }
    return { ...env, AUTH_SECRET: env.AUTH_SECRET!, ENCRYPTION_KEY: env.ENCRYPTION_KEY!, embedded };
  }
  const local = env.AUTH_SECRET && env.ENCRYPTION_KEY ? null : localSecrets(path.dirname(env.PGLITE_DATA_DIR));
  return {
    ...env,
    AUTH_SECRET: env.AUTH_SECRET ?? local!.AUTH_SECRET,
    ENCRYPTION_KEY: env.ENCRYPTION_KEY ?? local!.ENCRYPTION_KEY,
    embedded,
  };
}

interface LocalSecrets {
  AUTH_SECRET: string;
  ENCRYPTION_KEY: string;
}

/** Reads the generated secrets of this installation, creating them once (race-safe via O_EXCL). */
export function localSecrets(dir: string): LocalSecrets {
  const file = path.join(dir, "secrets.json");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const fresh: LocalSecrets = {
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    };
    try {
      fs.writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: "wx", mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  return JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
}

const cache = globalThis as unknown as { __askproEnv?: Env };

export function env(): Env {
  cache.__askproEnv ??= parseEnv(process.env);
  return cache.__askproEnv;
}

/** Reads the variables again on next use (tests that change process.env). */
export function resetEnv(): void {
  delete cache.__askproEnv;
}

/** APP_URL as configured; null when it is not set and env().APP_URL is only the local default. */
export function configuredAppUrl(): string | null {
  const url = env().APP_URL;
  return process.env.APP_URL?.trim() || url !== DEFAULT_APP_URL ? url : null;
}
