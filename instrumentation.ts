/** Next.js startup hook: background work of the server process. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startOutboxWorkerFromEnv } = await import("@/server/outbox/start");
  await startOutboxWorkerFromEnv();
}
