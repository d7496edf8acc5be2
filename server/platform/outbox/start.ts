import { getDb } from "@/server/platform/db";
import { env } from "@/server/platform/env";
import { logger } from "@/server/platform/logger";
import { startOutboxWorker, type RunningWorker } from "./worker";

const g = globalThis as unknown as { __askproOutboxWorker?: RunningWorker };

/** Starts this process's outbox worker once, unless OUTBOX_WORKER=false (e.g. on extra web instances). */
export async function startOutboxWorkerFromEnv(): Promise<RunningWorker | null> {
  if (!env().OUTBOX_WORKER) return null;
  if (g.__askproOutboxWorker) return g.__askproOutboxWorker;
  const log = logger.child({ component: "outbox" });
  g.__askproOutboxWorker = startOutboxWorker({ db: await getDb(), log });
  log.info("outbox worker started");
  return g.__askproOutboxWorker;
}
