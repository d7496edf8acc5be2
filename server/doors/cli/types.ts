import type { PGlite } from "@electric-sql/pglite";
import type { PrismaClient } from "@/server/generated/prisma/client";

/** What a command-line operation gets, whether it runs in its own process or inside the running app. */
export interface OperationContext {
  db: PrismaClient;
  /** The embedded database, when that is what `db` runs on. */
  pglite: PGlite | null;
  /** The caller's working directory, for relative file names. */
  cwd: string;
  out(line: string): void;
}

/** Runs with the command line's arguments; returns the exit code. */
export type Operation = (ctx: OperationContext, argv: string[]) => Promise<number>;
