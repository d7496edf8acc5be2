/**
 * Rows no answer waits for (the phone path's audit rows and its replay record of function
 * calls) are gathered for a moment and inserted together: one statement per table and batch
 * instead of one per request, which is what a busy phone line pays for. A batch is written
 * FLUSH_DELAY_MS after its first row, at once when it holds MAX_BATCH_ROWS, and before the
 * database is closed (closeDb calls flushWriteBehind). A process that dies without closing
 * loses at most the rows of its last FLUSH_DELAY_MS. A failed insert is logged, never thrown:
 * the requests the rows describe were answered already.
 */
import type { PrismaClient } from "@/server/generated/prisma/client";
import { logger } from "@/server/platform/logger";

export const FLUSH_DELAY_MS = 20;
export const MAX_BATCH_ROWS = 200;

export type BatchWriter<R> = (db: PrismaClient, rows: R[]) => Promise<unknown>;

interface Pending {
  table: string;
  db: PrismaClient;
  rows: unknown[];
  write: BatchWriter<unknown>;
  timer: NodeJS.Timeout;
}

const g = globalThis as unknown as { __askproWriteBehind?: Map<PrismaClient, Map<string, Pending>>; __askproWriteBehindRunning?: Set<Promise<void>> };
const pending = (g.__askproWriteBehind ??= new Map());
const running = (g.__askproWriteBehindRunning ??= new Set());

/** A queue for one table: `add(db, row)` returns at once; the row is inserted with the next batch. */
export function writeBehind<R>(table: string, write: BatchWriter<R>): (db: PrismaClient, row: R) => void {
  return (db, row) => {
    let tables = pending.get(db);
    if (!tables) pending.set(db, (tables = new Map()));
    let batch = tables.get(table);
    if (!batch) {
      const timer = setTimeout(() => flush(db, table), FLUSH_DELAY_MS);
      timer.unref?.();
      batch = { table, db, rows: [], write: write as BatchWriter<unknown>, timer };
      tables.set(table, batch);
    }
    batch.rows.push(row);
    if (batch.rows.length >= MAX_BATCH_ROWS) flush(db, table);
  };
}

function flush(db: PrismaClient, table: string): Promise<void> {
  const tables = pending.get(db);
  const batch = tables?.get(table);
  if (!tables || !batch) return Promise.resolve();
  clearTimeout(batch.timer);
  tables.delete(table);
  if (tables.size === 0) pending.delete(db);
  const done = batch
    .write(db, batch.rows)
    .then(() => undefined)
    .catch((err: unknown) => logger.error({ err, table, rows: batch.rows.length }, "rows written behind were lost"));
  running.add(done);
  void done.finally(() => running.delete(done));
  return done;
}

/** Writes every waiting batch now and waits for all batches under way (shutdown, tests). */
export async function flushWriteBehind(): Promise<void> {
  const batches = [...pending.values()].flatMap((tables) => [...tables.values()]);
  await Promise.all(batches.map((b) => flush(b.db, b.table)));
  await Promise.all([...running]);
}
