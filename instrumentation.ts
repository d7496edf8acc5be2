/** Next.js startup hook: background work of the server process. */
export async function register(): Promise<void> {
  // The documented shape: the Node-only import sits inside the runtime check, so other runtimes never bundle it.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { becomeDatabaseOwner } = await import("@/server/db/app-owner");
    const { startOutboxWorkerFromEnv } = await import("@/server/outbox/start");
    // The embedded database folder is this process's before anything opens it.
    let worker: Awaited<ReturnType<typeof startOutboxWorkerFromEnv>> = null;
    await becomeDatabaseOwner(async () => worker?.stop());
    worker = await startOutboxWorkerFromEnv();
    const { installShutdownFromEnv } = await import("@/server/lifecycle-start");
    installShutdownFromEnv(() => worker?.stop());
  }
}
