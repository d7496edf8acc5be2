import { formatGermanDate, formatGermanTime } from "@/server/scheduling/time";
import type { DashboardContext } from "./overview";

/** What the phone agent achieved in a call (Call.outcome); null while the call is not analysed. */
export const CALL_OUTCOMES = ["booked", "changed", "cancelled", "info", "follow_up", "none"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export interface RecentCall {
  id: string;
  /** dd.MM.yyyy and HH:mm in the company's time zone, of the start (or first record). */
  date: string;
  time: string;
  /** True while the start is not reported: date and time are when the call was received. */
  received: boolean;
  durationSeconds: number | null;
  outcome: CallOutcome | null;
  caller: string | null;
  customerName: string | null;
}

function outcomeOf(value: string | null): CallOutcome | null {
  return CALL_OUTCOMES.find((o) => o === value) ?? null;
}

function durationSeconds(call: { durationMs: number | null; startedAt: Date | null; endedAt: Date | null }): number | null {
  if (call.durationMs !== null) return Math.round(call.durationMs / 1000);
  if (call.startedAt && call.endedAt) return Math.round((call.endedAt.getTime() - call.startedAt.getTime()) / 1000);
  return null;
}

const callSelect = {
  id: true,
  startedAt: true,
  endedAt: true,
  createdAt: true,
  durationMs: true,
  outcome: true,
  fromNumber: true,
  customer: { select: { name: true } },
} as const;

/**
 * The company's latest calls, newest first, placed by their start or, while the start is not
 * reported yet, by when they were first recorded (the same rule as the daily figures).
 */
export async function getRecentCalls(ctx: DashboardContext & { timeZone: string }, limit = 5): Promise<RecentCall[]> {
  const { db, companyId } = ctx;
  const [started, unstarted] = await Promise.all([
    db.call.findMany({ where: { companyId, startedAt: { not: null } }, orderBy: [{ startedAt: "desc" }, { id: "asc" }], take: limit, select: callSelect }),
    db.call.findMany({ where: { companyId, startedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: limit, select: callSelect }),
  ]);
  const at = (c: (typeof started)[number]) => c.startedAt ?? c.createdAt;
  return [...started, ...unstarted]
    .sort((a, b) => at(b).getTime() - at(a).getTime())
    .slice(0, limit)
    .map((c) => ({
      id: c.id,
      date: formatGermanDate(at(c), ctx.timeZone),
      time: formatGermanTime(at(c), ctx.timeZone),
      received: c.startedAt === null,
      durationSeconds: durationSeconds(c),
      outcome: outcomeOf(c.outcome),
      caller: c.fromNumber,
      customerName: c.customer?.name ?? null,
    }));
}
