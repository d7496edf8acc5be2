import type { Instrumentation } from "next";

/** Next.js startup hook: background work of the server process. */
export async function register(): Promise<void> {
  // Optional error reporting: without SENTRY_DSN no Sentry code is loaded.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.SENTRY_DSN) await import("./sentry.server.config");
  // The documented shape: the Node-only import sits inside the runtime check, so other runtimes never bundle it.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    // First, outside any request: the context that long-lived timers are started in.
    await import("@/server/platform/outside-request");
    const { becomeDatabaseOwner } = await import("@/server/doors/cli/app-owner");
    await import("@/server/composition");
    const { startOutboxWorkerFromEnv } = await import("@/server/platform/outbox/start");
    // The embedded database folder is this process's before anything opens it.
    let worker: Awaited<ReturnType<typeof startOutboxWorkerFromEnv>> = null;
    await becomeDatabaseOwner(async () => worker?.stop());
    // Secrets stored in the old format are rewritten bound to their company and column.
    const { getDb } = await import("@/server/platform/db");
    const { reencryptLegacySecretsAtStartup } = await import("@/server/platform/secrets-at-rest");
    await reencryptLegacySecretsAtStartup(await getDb());
    worker = await startOutboxWorkerFromEnv();
    // Daily work plans its own next run; the start plans the first one (once per day, deduplicated).
    const { scheduleRetention } = await import("@/server/services/privacy/retention-job");
    await scheduleRetention(await getDb(), new Date());
    // An install without a company prints the code that opens its set-up wizard.
    const { announceSetupCode } = await import("@/server/doors/setup/first-company");
    const { env } = await import("@/server/platform/env");
    await announceSetupCode(await getDb(), env().AUTH_SECRET, env().APP_URL);
    const { installShutdownFromEnv } = await import("@/server/platform/lifecycle-start");
    installShutdownFromEnv(() => worker?.stop());
  }
}

/** Errors of pages, route handlers and server actions: the app's own error store and, when set up, Sentry. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { reportRequestError } = await import("@/server/platform/error-report");
    await reportRequestError(error, { request, context });
  }
};
