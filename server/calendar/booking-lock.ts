import { AppError, ErrorCodes } from "@/server/core/errors";
import { Prisma } from "@/server/generated/prisma/client";
import { addDaysLocal, type LocalDate } from "@/server/scheduling/local-date";
import { instantToLocal } from "@/server/scheduling/time";
import type { Tx } from "./provider";

/** How long a booking waits for its turn before the caller is asked to try again. */
export const BOOKING_TURN_WAIT_MS = 10_000;

/**
 * What a booking serialises on: the branch's local days its time [start, end + buffer) touches
 * (one day, two when it runs past midnight). The branch, not the staff member, is the unit: an
 * appointment for "any staff member" takes capacity from all of them, so two bookings for
 * different people in one branch can still collide. The day suffices: the slot check of a time
 * only counts appointments that overlap [start, end + buffer), and two overlapping times share
 * a local day. So callers booking different days of one branch no longer wait for each other.
 */
export interface BookingSpan {
  branchId: string;
  /** Ascending, so every transaction takes its locks in the same order (no deadlock). */
  days: LocalDate[];
}

export function bookingSpan(branchId: string, timeZone: string, start: Date, blockedUntil: Date): BookingSpan {
  const first = instantToLocal(start, timeZone).date;
  // The last occupied instant is a millisecond before blockedUntil: a time ending at 00:00 stays on its day.
  const last = instantToLocal(new Date(Math.max(start.getTime(), blockedUntil.getTime() - 1)), timeZone).date;
  const days = [first];
  for (let day = first; day < last; ) days.push((day = addDaysLocal(day, 1)));
  return { branchId, days };
}

/**
 * Takes the span's locks until the transaction ends. An advisory lock blocks nothing but other
 * bookings (no row of any table is locked). It waits at most as long as a turn, so a stuck
 * holder cannot pile up waiting transactions.
 */
export async function lockBookingSpan(tx: Tx, span: BookingSpan): Promise<void> {
  const locks = span.days.map((day) => Prisma.sql`pg_advisory_xact_lock(hashtextextended(${`booking:${span.branchId}:${day}`}, 0))`);
  try {
    // One statement: the CTE sets the transaction's lock_timeout before the locks are waited for.
    await tx.$executeRaw`
      WITH timeout AS (SELECT set_config('lock_timeout', ${`${BOOKING_TURN_WAIT_MS}ms`}, true))
      SELECT ${Prisma.join(locks)} FROM timeout`;
  } catch (err) {
    if (isLockTimeout(err)) throw busyCalendar();
    throw err;
  }
}

function busyCalendar(): AppError {
  return new AppError(ErrorCodes.CONFLICT, "Gerade werden viele Termine gebucht. Bitte versuchen Sie es gleich noch einmal.", { retryAfter: 2 });
}

/** PostgreSQL 55P03 (lock_not_available), as Prisma's adapter reports it. */
function isLockTimeout(err: unknown): boolean {
  const cause = (err as { meta?: { driverAdapterError?: { cause?: { code?: string } } }; cause?: { code?: string } } | null) ?? {};
  return cause.meta?.driverAdapterError?.cause?.code === "55P03" || cause.cause?.code === "55P03";
}

const turns = new Map<string, Promise<unknown>>();

/**
 * Runs `work` (which opens the booking transaction) when this process's earlier bookings of
 * the span's first day are done. Bookings of one day then queue in memory instead of each
 * holding a pooled connection while it waits for the lock, so a burst on one branch leaves the
 * pool to everything else (per instance and day one connection waits for the lock at most).
 */
export function withBookingTurn<T>(span: BookingSpan, work: () => Promise<T>, waitMs = BOOKING_TURN_WAIT_MS): Promise<T> {
  const key = `${span.branchId}:${span.days[0]}`;
  const before = turns.get(key) ?? Promise.resolve();
  const queuedAt = Date.now();
  const mine = before.then(() => {
    if (Date.now() - queuedAt > waitMs) throw busyCalendar();
    return work();
  });
  const settled = mine.catch(() => undefined);
  turns.set(key, settled);
  void settled.then(() => {
    if (turns.get(key) === settled) turns.delete(key);
  });
  return mine;
}
