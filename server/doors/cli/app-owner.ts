/**
 * The running app owns the embedded data folder: it takes the lock at start (a second start
 * stops at once with a message naming this one), serves command-line tools on its local
 * channel, and on SIGTERM/SIGINT closes the database cleanly before the process exits.
 */
import { startControlServer, type ControlServer } from "@/server/doors/cli/channel";
import { env } from "@/server/platform/env";
import { logger } from "@/server/platform/logger";
import { closeDb, getDbHandles } from "@/server/platform/db/index";
import { acquireLock, DatabaseLockedError, isFolder, lockedMessage, secondStartTodo, updateLock, type HeldLock } from "@/server/platform/db/lock";

const g = globalThis as unknown as { __askproOwner?: Promise<HeldLock | null> };

/** Called once at server start on the embedded default; exits the process when another app owns the folder. */
export function becomeDatabaseOwner(onStop: () => Promise<void> = async () => {}): Promise<HeldLock | null> {
  g.__askproOwner ??= takeOwnership(onStop);
  return g.__askproOwner;
}

async function takeOwnership(onStop: () => Promise<void>): Promise<HeldLock | null> {
  const e = env();
  if (!e.embedded || !isFolder(e.PGLITE_DATA_DIR)) return null;
  let lock: HeldLock;
  try {
    lock = await acquireLock(e.PGLITE_DATA_DIR, {
      kind: "app",
      port: Number(process.env.PORT) || null,
      // `npm run dev`/`start` migrate first, and a tool may be finishing its work: both are short.
      waitFor: ["prepare", "tool"],
      message: (owner) => lockedMessage(owner, secondStartTodo(owner)),
    });
  } catch (err) {
    if (!(err instanceof DatabaseLockedError)) throw err;
    console.error(`\n${err.message}\n`);
    process.exit(1);
  }
  let current = lock;
  const control = await startControlServer(
    () => current.info.secret,
    async () => {
      const h = await getDbHandles();
      return { db: h.prisma, pglite: h.pglite ?? null };
    },
  );
  current = updateLock(lock, { controlPort: control.port });
  closeOnSignals(control, onStop);
  logger.info({ dataDir: e.PGLITE_DATA_DIR, lock: current.file }, "embedded database owned by this process");
  return current;
}

/**
 * Next.js handles SIGTERM/SIGINT itself: it stops accepting requests, lets running ones finish,
 * then calls process.exit. The database is closed in between, so every finished request's
 * writes are in a cleanly shut-down folder. Without Next's handler this process exits itself.
 */
function closeOnSignals(control: ControlServer, onStop: () => Promise<void>): void {
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await control.close();
      await onStop().catch((err: unknown) => logger.warn({ err }, "stopping background work failed"));
      await closeDb().catch((err: unknown) => logger.error({ err }, "closing the embedded database failed"));
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    const realExit = process.exit.bind(process);
    process.exit = ((code?: number) => {
      void close().finally(() => realExit(code));
      return undefined as never;
    }) as typeof process.exit;
    if (process.listenerCount(signal) === 0) void close().finally(() => realExit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
