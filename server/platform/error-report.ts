/**
 * One place for unexpected errors (the ones doors answer with "internal error"): each goes to
 * the app's own error store and, when SENTRY_DSN is set, to Sentry (scrubbed by the SDK's
 * `beforeSend`, see sentry.server.config.ts). Fire-and-forget: nothing here throws or delays
 * the answer. An error is reported once even when several layers see it (a method's error
 * that a server component rethrows wrapped in a tRPC error).
 *
 * Database outages are not reported: they are an operating state with their own answer
 * (3004) and log line, and the store could not take them anyway.
 */
import type { PrismaClient } from "@/server/generated/prisma/client";
import { isDatabaseOutage } from "@/server/platform/db/outage";
import { env } from "@/server/platform/env";
import { describeOccurrence, queueErrorOccurrence } from "@/server/platform/error-store";
import { logger } from "@/server/platform/logger";

export interface ErrorReportContext {
  /** The database of the request, or how to get the app's (doors that fail before they hold one); without it the own store is skipped. */
  db?: PrismaClient | (() => Promise<PrismaClient>);
  companyId: string | null;
  where?: string;
  correlationId?: string;
  now?: Date;
}

const reported = new WeakSet<object>();

/** True when this error, or one of its causes, was reported already. */
export function wasReported(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (reported.has(e)) return true;
  }
  return false;
}

export function reportUnexpectedError(error: unknown, ctx: ErrorReportContext & { sentry?: boolean }): void {
  if (wasReported(error) || isDatabaseOutage(error)) return;
  if (error && typeof error === "object") reported.add(error);
  if (ctx.db) {
    const { db } = ctx;
    const lost = (err: unknown) => logger.error({ err }, "error could not be recorded");
    try {
      const occurrence = describeOccurrence({ error, companyId: ctx.companyId, where: ctx.where, correlationId: ctx.correlationId, at: ctx.now ?? new Date() });
      if (typeof db === "function") void db().then((client) => queueErrorOccurrence(client, occurrence), lost);
      else queueErrorOccurrence(db, occurrence);
    } catch (err) {
      lost(err);
    }
  }
  if (env().SENTRY_DSN && ctx.sentry !== false) void forwardToSentry(error, ctx);
}

/** What Next.js passes to `onRequestError` (instrumentation.ts), as far as it is used here. */
export interface RequestErrorInfo {
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> };
  context: { routerKind: string; routePath: string; routeType: string; renderSource?: string; revalidateReason?: string; renderType?: string };
}

/**
 * An error of a page, route handler or server action (Next.js `onRequestError`): recorded as an
 * error of no company under its route, and sent to Sentry with the request's route (the SDK's
 * own `captureRequestError`; its scrubbing drops headers and query). Errors a method reported
 * already (rethrown by a page) are skipped.
 */
export async function reportRequestError(error: unknown, { request, context }: RequestErrorInfo, database: () => Promise<PrismaClient> = defaultDb): Promise<void> {
  if (wasReported(error)) return;
  try {
    const route = `${request.method} ${context.routePath || request.path.replace(/[?#].*$/, "")}`;
    reportUnexpectedError(error, { db: await database(), companyId: null, where: route, sentry: false });
    if (!env().SENTRY_DSN) return;
    const Sentry = await import("@sentry/nextjs");
    if (Sentry.isEnabled()) Sentry.captureRequestError(error, request, context);
  } catch (err) {
    logger.error({ err }, "request error could not be reported");
  }
}

async function forwardToSentry(error: unknown, ctx: ErrorReportContext): Promise<void> {
  try {
    const Sentry = await import("@sentry/nextjs");
    if (!Sentry.isEnabled()) return;
    Sentry.captureException(error, {
      tags: { ...(ctx.where ? { where: ctx.where } : {}), ...(ctx.companyId ? { company_id: ctx.companyId } : {}) },
      extra: ctx.correlationId ? { correlation_id: ctx.correlationId } : undefined,
    });
  } catch (err) {
    logger.warn({ err }, "error could not be forwarded to Sentry");
  }
}

/** The app's database, loaded only when an error needs it. */
export async function defaultDb(): Promise<PrismaClient> {
  const { getDb } = await import("@/server/platform/db");
  return getDb();
}
