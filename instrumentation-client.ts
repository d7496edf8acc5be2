/**
 * Next.js browser start-up hook. Error reporting from the browser is optional: only a build
 * with NEXT_PUBLIC_SENTRY_DSN set loads the Sentry SDK (as a separate chunk); without it the
 * browser loads no Sentry code at all.
 */
if (process.env.NEXT_PUBLIC_SENTRY_DSN) void import("./sentry.browser.config");
