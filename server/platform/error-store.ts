/**
 * The app's own store of recent unexpected errors (table error_events), so the dashboard's
 * error view works without Sentry. Occurrences are grouped by a fingerprint (error type,
 * message with numbers and ids normalised, top stack frame, company): a repeat counts up and
 * moves `lastSeen`; a resolved group that comes back is unresolved again. Everything stored is
 * scrubbed first (platform/error-scrub.ts).
 *
 * Rows are written behind (platform/write-behind.ts): the request that failed is answered
 * first, and a database that cannot take the row loses it with a log line, never the answer.
 * The store keeps at most MAX_ERROR_GROUPS groups seen within the last MAX_ERROR_AGE_DAYS.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { scrubText } from "@/server/platform/error-scrub";
import { logger } from "@/server/platform/logger";
import { writeBehind } from "@/server/platform/write-behind";

export const MAX_ERROR_GROUPS = 500;
export const MAX_ERROR_AGE_DAYS = 30;
const MAX_STACK_LINES = 15;

export interface ErrorOccurrence {
  error: unknown;
  /** The company the failed request acted for; null for errors outside a company (routes, start-up). */
  companyId: string | null;
  /** Where it happened: a method name (`appointments.book`), a door or a route. */
  where?: string;
  correlationId?: string;
  at: Date;
}

/** One occurrence as it is stored: scrubbed, with its group's fingerprint. */
export interface StoredOccurrence {
  fingerprint: string;
  companyId: string | null;
  title: string;
  culprit: string | null;
  level: "error";
  at: Date;
  lastEvent: {
    type: string;
    message: string;
    stack: string[];
    where: string | null;
    correlationId: string | null;
    cause: { type: string; message: string } | null;
    at: string;
  };
}

export function describeOccurrence(o: ErrorOccurrence): StoredOccurrence {
  const { type, message, stack } = errorParts(o.error);
  const frames = stackFrames(stack);
  const top = frames.find((f) => !/node_modules|node:|\(native\)/.test(f)) ?? frames[0] ?? null;
  const topFrame = top && top.replace(/:\d+(:\d+)?\)?$/, "").replace(/^at /, "").replace(/\($/, "").trim();
  const cleanMessage = scrubText(message.split("\n")[0] ?? "").slice(0, 500);
  const fingerprint = createHash("sha256")
    .update([type, normaliseMessage(cleanMessage), topFrame ?? o.where ?? "", o.companyId ?? "system"].join("\u0000"))
    .digest("hex")
    .slice(0, 40);
  const cause = (o.error as { cause?: unknown } | null)?.cause;
  const causeParts = cause instanceof Error ? errorParts(cause) : null;
  return {
    fingerprint,
    companyId: o.companyId,
    title: `${type}: ${cleanMessage}`.slice(0, 200),
    culprit: (o.where ?? topFrame)?.slice(0, 200) ?? null,
    level: "error",
    at: o.at,
    lastEvent: {
      type,
      message: scrubText(message).slice(0, 2000),
      stack: frames.slice(0, MAX_STACK_LINES).map((f) => scrubText(f)),
      where: o.where ?? null,
      correlationId: o.correlationId ?? null,
      cause: causeParts && { type: causeParts.type, message: scrubText(causeParts.message).slice(0, 500) },
      at: o.at.toISOString(),
    },
  };
}

/** Counts one group per fingerprint up (or creates it) for a batch of occurrences, then prunes. */
export async function writeErrorOccurrences(db: PrismaClient, rows: StoredOccurrence[]): Promise<void> {
  const groups = new Map<string, { latest: StoredOccurrence; first: Date; count: number }>();
  for (const row of rows) {
    const g = groups.get(row.fingerprint);
    if (!g) groups.set(row.fingerprint, { latest: row, first: row.at, count: 1 });
    else {
      g.count++;
      if (row.at >= g.latest.at) g.latest = row;
      if (row.at < g.first) g.first = row.at;
    }
  }
  const failures: unknown[] = [];
  for (const { latest, first, count } of groups.values()) {
    const changes = { title: latest.title, culprit: latest.culprit, lastEvent: latest.lastEvent, lastSeen: latest.at, status: "unresolved" };
    // One group that cannot be written (its company was deleted meanwhile) does not cost the others theirs.
    await db.errorEvent
      .upsert({
        where: { fingerprint: latest.fingerprint },
        create: { ...changes, fingerprint: latest.fingerprint, companyId: latest.companyId, level: latest.level, count, firstSeen: first },
        update: { ...changes, count: { increment: count } },
      })
      .catch((err: unknown) => failures.push(err));
  }
  if (failures.length === groups.size) throw failures[0];
  if (failures.length > 0) logger.warn({ err: failures[0], groups: failures.length }, "some error groups could not be recorded");
  await pruneErrorEvents(db, rows.reduce((max, r) => (r.at > max ? r.at : max), rows[0]!.at));
}

/** Drops groups not seen for MAX_ERROR_AGE_DAYS and all but the newest MAX_ERROR_GROUPS. */
export async function pruneErrorEvents(db: PrismaClient, now: Date): Promise<void> {
  await db.errorEvent.deleteMany({ where: { lastSeen: { lt: new Date(now.getTime() - MAX_ERROR_AGE_DAYS * 86_400_000) } } });
  const overflow = await db.errorEvent.findMany({ orderBy: [{ lastSeen: "desc" }, { id: "desc" }], skip: MAX_ERROR_GROUPS, select: { id: true } });
  if (overflow.length > 0) await db.errorEvent.deleteMany({ where: { id: { in: overflow.map((r) => r.id) } } });
}

/** Queues one occurrence; it is written with the next batch (a moment later). */
export const queueErrorOccurrence = writeBehind<StoredOccurrence>("error_events", writeErrorOccurrences);

function errorParts(error: unknown): { type: string; message: string; stack: string } {
  if (error instanceof Error) return { type: error.name || "Error", message: error.message, stack: error.stack ?? "" };
  return { type: "NonError", message: typeof error === "string" ? error : safeJson(error), stack: "" };
}

/** The "at …" lines of a stack, with paths relative to the app's folder. */
function stackFrames(stack: string): string[] {
  const root = process.cwd() + path.sep;
  return stack
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("at "))
    .map((l) => l.split(root).join("").replace(/file:\/\//g, ""));
}

/** Numbers and ids vary between occurrences of one error; they do not make a new group. */
function normaliseMessage(message: string): string {
  return message.replace(/\b(?=[a-z0-9_-]*\d)[a-z0-9_-]{12,}\b/gi, "<id>").replace(/\d+/g, "#");
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}
