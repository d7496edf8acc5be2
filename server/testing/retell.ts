/** Test fixtures shared by the Retell modules' tests: a seeded database and a service context. */
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { env, type Env } from "@/server/platform/env";
import { logger } from "@/server/platform/logger";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { Actor, ServiceContext } from "@/server/core/types";
import { DEMO_PHONE_NUMBER, seedDemo } from "@/server/seed/demo";
import { signRetell } from "@/server/integrations/retell/signature";

/** Wednesday 11 March 2026, 10:00 in Berlin. */
export const FIXED_NOW = new Date("2026-03-11T09:00:00.000Z");
export const DEMO_KEY = "demo-retell-key";

export async function seededTestDb(now = FIXED_NOW): Promise<TestDb & { companyId: string }> {
  // A fresh database gets a fresh cache: nothing cached for another database may leak in.
  setCache(new MemoryCache());
  const db = await createTestDb();
  const companyId = await seedDemo(db.prisma, { now, retellApiKey: DEMO_KEY });
  return { ...db, companyId };
}

export function testContext(
  db: PrismaClient,
  companyId: string,
  opts: { actor?: Actor; now?: Date | (() => Date) } = {},
): ServiceContext {
  const now = opts.now ?? FIXED_NOW;
  return {
    companyId,
    actor: opts.actor ?? { type: "user", id: null, role: "admin" },
    db,
    log: logger,
    now: typeof now === "function" ? now : () => now,
    correlationId: "test",
  };
}

/** A POST as Retell sends it: JSON body signed with the company's key at the given time. */
export function signedRequest(
  url: string,
  body: unknown,
  opts: { key?: string; timestampMs?: number; signature?: string | null } = {},
): Request {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const signature =
    opts.signature === undefined ? signRetell(raw, opts.key ?? DEMO_KEY, opts.timestampMs ?? FIXED_NOW.getTime()) : opts.signature;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["x-retell-signature"] = signature;
  return new Request(url, { method: "POST", headers, body: raw });
}

/** Retell's call object for a call to the demo number. */
export function demoCall(callId: string, extra: Record<string, unknown> = {}) {
  return { call_id: callId, call_type: "phone_call", direction: "inbound", from_number: "+4917612345678", to_number: DEMO_PHONE_NUMBER, ...extra };
}

/** Overrides settings of the validated environment for one test file; returns the undo. */
export function overrideEnv(patch: Partial<Env>): () => void {
  const e = env();
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, e[k as keyof Env]]));
  Object.assign(e, patch);
  return () => {
    Object.assign(e, before);
  };
}
