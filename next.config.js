// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this configuration file is CommonJS
const { securityHeaders } = require("./server/platform/security-headers.js");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // A separate folder lets a second build run next to a running dev server or another build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native, WASM or worker-based packages that must be loaded from node_modules at run time.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "pino",
    "bcryptjs",
    "ioredis",
    "rate-limiter-flexible",
    "prom-client",
    "nodemailer",
  ],
  // The help pages read the user guide's markdown at run time: ship it with the traced output.
  outputFileTracingIncludes: { "/hilfe/**": ["./docs/handbuch/*.md"] },
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders({ production: process.env.NODE_ENV === "production" }) }];
  },
  reactStrictMode: true,
  // Pages and routes load on their first request instead of all at start: the preloaded code of
  // every dashboard page held about 25 MiB more resident memory on a server that answers calls.
  experimental: { preloadEntriesOnStart: false },
};

/**
 * Sentry's build wrapper only when error reporting is set up (SENTRY_DSN): the default build is
 * untouched. Even then the build stays offline unless source maps are asked for explicitly
 * (SENTRY_UPLOAD_SOURCEMAPS=true with SENTRY_AUTH_TOKEN, SENTRY_ORG, SENTRY_PROJECT); a failed
 * upload warns instead of failing the build, and the build plugin sends no telemetry.
 */
function withOptionalSentry(config) {
  if (!process.env.SENTRY_DSN && !process.env.NEXT_PUBLIC_SENTRY_DSN) return config;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when Sentry is set up
  const { withSentryConfig } = require("@sentry/nextjs/config");
  const upload = process.env.SENTRY_UPLOAD_SOURCEMAPS === "true" && Boolean(process.env.SENTRY_AUTH_TOKEN);
  return withSentryConfig(config, {
    org: process.env.SENTRY_ORG,
    project: process.env.SENTRY_PROJECT,
    authToken: upload ? process.env.SENTRY_AUTH_TOKEN : undefined,
    silent: true,
    telemetry: false,
    sourcemaps: { disable: !upload },
    release: { create: upload },
    errorHandler: (err) => console.warn(`Sentry build step failed, continuing without it: ${err.message}`),
  });
}

module.exports = withOptionalSentry(nextConfig);
