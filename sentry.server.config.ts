/**
 * Starts the Sentry SDK in the Node.js server; instrumentation.ts imports this file only when
 * SENTRY_DSN is set, so an install without Sentry loads none of it. Options (scrubbing, no
 * personal data collected) live in server/platform/sentry-options.ts.
 */
import * as Sentry from "@sentry/nextjs";
import { sentryServerOptions } from "@/server/platform/sentry-options";

Sentry.init(sentryServerOptions());
