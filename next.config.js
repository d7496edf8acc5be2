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
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders({ production: process.env.NODE_ENV === "production" }) }];
  },
  reactStrictMode: true,
};

module.exports = nextConfig;
