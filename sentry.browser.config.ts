/**
 * Starts the Sentry SDK in the browser; instrumentation-client.ts loads this file only when
 * NEXT_PUBLIC_SENTRY_DSN was set at build time. Same rules as the server: no tracing, no
 * personal data collected, every event scrubbed before it is sent.
 */
import * as Sentry from "@sentry/nextjs";
import { SENTRY_DATA_COLLECTION, scrubSentryEvent } from "@/server/platform/error-scrub";

Sentry.init({
  dsn: process.env.NEXT_PUBLIC_SENTRY_DSN,
  environment: process.env.NEXT_PUBLIC_SENTRY_ENVIRONMENT,
  tracesSampleRate: 0,
  dataCollection: SENTRY_DATA_COLLECTION,
  sendClientReports: false,
  beforeSend: (event) => scrubSentryEvent(event),
});
