/**
 * Call retention: a company that sets `callRetentionMonths` keeps call transcripts and recordings
 * only that long. The call row stays (time, number, outcome for statistics); its content is
 * cleared and contentRemovedAt set, so a second run finds nothing to do. Cleared in batches so
 * a company's first run over years of calls holds no long lock.
 */
import { subMonths } from "date-fns";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { parseCompanySettings } from "@/server/calendar/company-settings";
import type { ServiceContext } from "@/server/core/types";
import { clearCallTraces, clearedCallContent } from "./call-content";

const BATCH = 200;

/** The instant before which calls lose their content; null when the company keeps them. */
export function retentionCutoff(months: number | null, now: Date): Date | null {
  return months && months > 0 ? subMonths(now, months) : null;
}

/** Clears the content of one company's calls that started (or, without a start, were stored) before the cutoff. */
export async function clearCallsBefore(db: PrismaClient, companyId: string, cutoff: Date, now: Date): Promise<number> {
  let cleared = 0;
  for (;;) {
    const batch = await db.call.findMany({
      where: {
        companyId,
        contentRemovedAt: null,
        OR: [{ startedAt: { lt: cutoff } }, { startedAt: null, createdAt: { lt: cutoff } }],
      },
      select: { id: true, retellCallId: true },
      take: BATCH,
    });
    if (batch.length === 0) return cleared;
    const { count } = await db.$transaction(async (tx) => {
      await clearCallTraces(tx, companyId, batch.map((c) => c.retellCallId));
      return tx.call.updateMany({ where: { id: { in: batch.map((c) => c.id) }, contentRemovedAt: null }, data: clearedCallContent(now) });
    });
    cleared += count;
    if (batch.length < BATCH) return cleared;
  }
}

/** privacy.applyRetention: the caller's company, now. */
export async function applyRetention(ctx: ServiceContext): Promise<{ retention_months: number | null; cutoff: string | null; calls_cleared: number }> {
  const company = await ctx.db.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { settings: true } });
  const months = parseCompanySettings(company.settings).callRetentionMonths;
  const now = ctx.now();
  const cutoff = retentionCutoff(months, now);
  if (!cutoff) return { retention_months: months || null, cutoff: null, calls_cleared: 0 };
  const cleared = await clearCallsBefore(ctx.db, ctx.companyId, cutoff, now);
  if (cleared > 0) ctx.log.info({ cleared, cutoff }, "call content removed after the retention period");
  return { retention_months: months, cutoff: cutoff.toISOString(), calls_cleared: cleared };
}

/** Every company that set a retention period; returns the calls cleared per company id. */
export async function applyRetentionToAllCompanies(db: PrismaClient, now: Date): Promise<Record<string, number>> {
  const companies = await db.company.findMany({ select: { id: true, settings: true } });
  const cleared: Record<string, number> = {};
  for (const company of companies) {
    const cutoff = retentionCutoff(parseCompanySettings(company.settings).callRetentionMonths, now);
    if (cutoff) cleared[company.id] = await clearCallsBefore(db, company.id, cutoff, now);
  }
  return cleared;
}
