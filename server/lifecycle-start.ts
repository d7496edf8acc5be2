import { closeRedisClients } from "@/server/cache/redis";
import { closeDb } from "@/server/db";
import { env } from "@/server/env";
import { installGracefulShutdown } from "@/server/lifecycle";

/**
 * On PostgreSQL this process stops its outbox worker and closes Redis and the pool on SIGTERM;
 * on the embedded database the folder's owner does that (server/db/app-owner.ts) and only
 * readiness is switched off here.
 */
export function installShutdownFromEnv(stopWorker: () => Promise<void> | undefined): void {
  if (env().embedded) {
    installGracefulShutdown({});
    return;
  }
  installGracefulShutdown({
    stopWork: async () => stopWorker(),
    closeConnections: async () => {
      await closeRedisClients();
      await closeDb();
    },
  });
}
