import { closeRedisClients } from "@/server/platform/cache/redis";
import { closeDb } from "@/server/platform/db";
import { env } from "@/server/platform/env";
import { installGracefulShutdown } from "@/server/platform/lifecycle";

/**
 * On PostgreSQL this process stops its outbox worker and closes Redis and the pool on SIGTERM;
 * on the embedded database the folder's owner does that (server/doors/cli/app-owner.ts) and only
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
