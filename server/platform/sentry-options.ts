/**
 * The Sentry SDK's options for the server (sentry.server.config.ts) in one place, so a test can
 * start the SDK exactly as the app does: the DSN and environment from env, no tracing, no
 * personal data collected by the SDK (GDPR; `dataCollection` of @sentry/core 11) and every
 * event scrubbed in `beforeSend` (platform/error-scrub.ts).
 */
import { env } from "@/server/platform/env";
import { SENTRY_DATA_COLLECTION, scrubSentryEvent, type ScrubbableEvent } from "@/server/platform/error-scrub";

export function sentryServerOptions() {
  const e = env();
  return {
    dsn: e.SENTRY_DSN,
    environment: e.SENTRY_ENVIRONMENT ?? e.NODE_ENV,
    tracesSampleRate: 0,
    dataCollection: SENTRY_DATA_COLLECTION,
    sendClientReports: false,
    // Values of local variables would carry customers' data; frames are enough.
    includeLocalVariables: false,
    beforeSend: <E extends ScrubbableEvent>(event: E): E => scrubSentryEvent(event),
    beforeBreadcrumb: <B extends { message?: string; data?: Record<string, unknown> }>(breadcrumb: B): B =>
      scrubSentryEvent({ breadcrumbs: [breadcrumb] }).breadcrumbs![0] as B,
  };
}
