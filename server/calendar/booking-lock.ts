import { AppError, ErrorCodes } from "@/server/core/errors";
import type { Tx } from "./provider";

/** How long a booking waits for its branch before the caller is asked to try again. */
export const BRANCH_TURN_WAIT_MS = 10_000;

/**
 * Serialises bookings of one branch until the transaction ends. The branch, not the staff
 * member, is the unit: an appointment for "any staff member" takes capacity from all of
 * them, so two bookings for different people in one branch can still collide. An advisory
 * lock blocks nothing but other bookings (no row of any table is locked). It waits at most
 * as long as a branch turn, so a stuck holder cannot pile up waiting transactions.
 */
export async function lockBranchForBooking(tx: Tx, branchId: string): Promise<void> {
  try {
    // One statement: the CTE sets the transaction's lock_timeout before the lock is waited for.
    await tx.$executeRaw`
      WITH timeout AS (SELECT set_config('lock_timeout', ${`${BRANCH_TURN_WAIT_MS}ms`}, true))
      SELECT pg_advisory_xact_lock(hashtextextended(${`booking:${branchId}`}, 0)) FROM timeout`;
  } catch (err) {
    if (isLockTimeout(err)) throw busyBranch();
    throw err;
  }
}

function busyBranch(): AppError {
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
 * the branch are done. Bookings of one branch then queue in memory instead of each holding a
 * pooled connection while it waits for the branch lock, so a burst on one branch leaves the
 * pool to everything else (per instance one connection waits for the lock at most).
 */
export function withBranchTurn<T>(branchId: string, work: () => Promise<T>, waitMs = BRANCH_TURN_WAIT_MS): Promise<T> {
  const before = turns.get(branchId) ?? Promise.resolve();
  const queuedAt = Date.now();
  const mine = before.then(() => {
    if (Date.now() - queuedAt > waitMs) throw busyBranch();
    return work();
  });
  const settled = mine.catch(() => undefined);
  turns.set(branchId, settled);
  void settled.then(() => {
    if (turns.get(branchId) === settled) turns.delete(branchId);
  });
  return mine;
}
