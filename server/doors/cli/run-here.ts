/** Running an operation in this process, on the database itself (run.ts decides when). */
import "@/server/composition"; // operations name servers of the registry (token grants)
import { closeDb, getDb, prismaOnPglite } from "@/server/platform/db";
import { migratePglite } from "@/server/platform/db/migrations";
import { openPglite } from "@/server/platform/db/pglite";
import { runOperationHere } from "./channel";
import type { OperationResult } from "./channel-client";

/** On PostgreSQL (DATABASE_URL), or an embedded folder that does not exist yet. */
export async function runOnConfiguredDatabase(op: string, argv: string[], cwd: string): Promise<OperationResult> {
  try {
    return await runOperationHere(op, { db: await getDb(), pglite: null, cwd }, argv);
  } finally {
    await closeDb();
  }
}

/** On the embedded folder whose lock this process holds. */
export async function runWithFolder(dataDir: string, op: string, argv: string[], cwd: string): Promise<OperationResult> {
  const pglite = await openPglite(dataDir);
  try {
    await migratePglite(pglite);
    const db = await prismaOnPglite(pglite);
    try {
      return await runOperationHere(op, { db, pglite, cwd }, argv);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await pglite.close();
  }
}
