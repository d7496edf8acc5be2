/**
 * Graceful shutdown. On SIGTERM/SIGINT the process at once answers readiness with 503 (load
 * balancers stop sending new requests), the outbox worker claims nothing more and finishes or
 * gives up the job in hand, and once the requests in flight are done (Next.js calls
 * process.exit after them) the Redis connections and the PostgreSQL pool are closed. The
 * embedded database closes itself (server/doors/cli/app-owner.ts).
 */
import { logger } from "@/server/platform/logger";

const CLOSE_LIMIT_MS = 15_000;

const g = globalThis as unknown as { __askproStopping?: boolean; __askproShutdownInstalled?: boolean };

/** True from the moment the process was asked to stop. */
export function isShuttingDown(): boolean {
  return g.__askproStopping === true;
}

export interface ShutdownSteps {
  /** Stop taking background work (outbox); resolves when the work in hand is finished or released. */
  stopWork?: () => Promise<void>;
  /** Close shared connections (Redis, the PostgreSQL pool). */
  closeConnections?: () => Promise<void>;
}

/** Marks the process as stopping and runs the steps; exported for tests and the signal handler. */
export async function beginShutdown(steps: ShutdownSteps = {}): Promise<void> {
  if (!g.__askproStopping) logger.info("shutting down: not ready any more, no new background work");
  g.__askproStopping = true;
  await steps.stopWork?.().catch((err: unknown) => logger.warn({ err: (err as Error).message }, "stopping background work failed"));
  await steps.closeConnections?.().catch((err: unknown) => logger.warn({ err: (err as Error).message }, "closing connections failed"));
}

export function installGracefulShutdown(steps: ShutdownSteps): void {
  if (g.__askproShutdownInstalled) return;
  g.__askproShutdownInstalled = true;
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "stop signal received");
    const stopped = beginShutdown({ stopWork: steps.stopWork });
    if (!steps.closeConnections) return;
    const close = () => stopped.then(() => beginShutdown({ closeConnections: steps.closeConnections }));
    let closing: Promise<unknown> | null = null;
    const bounded = () => (closing ??= Promise.race([close(), new Promise((r) => setTimeout(r, CLOSE_LIMIT_MS).unref())]));
    // Next.js exits once the requests in flight are answered; the connections close just before.
    const realExit = process.exit.bind(process);
    process.exit = ((code?: number) => {
      void bounded().finally(() => realExit(code));
      return undefined as never;
    }) as typeof process.exit;
    if (process.listenerCount(signal) === 0) void bounded().finally(() => realExit(signal === "SIGINT" ? 130 : 143));
  };
  // First in line, so other handlers that check for remaining listeners are not misled by this one.
  process.prependOnceListener("SIGTERM", onSignal);
  process.prependOnceListener("SIGINT", onSignal);
}
