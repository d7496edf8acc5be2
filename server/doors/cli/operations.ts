import { runTokenCli } from "@/server/services/tokens/cli";
import { backup } from "./backup";
import { companyCreate } from "./company-create";
import { seed } from "./seed";
import type { Operation } from "./types";
import { userCreate } from "./user-create";

/** Every command-line operation that needs the database; each runs in the app when it is running. */
export const operations: Record<string, Operation> = {
  "mcp:token": ({ db, out }, argv) => runTokenCli(db, argv, out),
  "company:create": companyCreate,
  "user:create": userCreate,
  "db:seed": seed,
  "db:backup": backup,
};

export type OperationName = keyof typeof operations;
