import type { Tx } from "./provider";

/**
 * Serialises bookings of one branch until the transaction ends. The branch, not the staff
 * member, is the unit: an appointment for "any staff member" takes capacity from all of
 * them, so two bookings for different people in one branch can still collide. An advisory
 * lock blocks nothing but other bookings (no row of any table is locked).
 */
export async function lockBranchForBooking(tx: Tx, branchId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`booking:${branchId}`}, 0))`;
}
