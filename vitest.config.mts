import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Outside Next, `server-only` would throw; tests run server code only.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["server/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Test files share a worker process: the server's modules load once per worker, not once per
    // file (about half the suite's time). server/testing/fresh-process.ts resets what a file leaves.
    isolate: false,
    // Many files wait on child processes, sockets and timers: four workers keep two cores busy.
    maxWorkers: 4,
    // Transformed modules are kept in node_modules/.experimental-vitest-cache between runs.
    experimental: { fsModuleCache: true },
    globalSetup: ["server/testing/global-setup.ts"],
    setupFiles: ["server/testing/setup.ts"],
    // The operator setting for development: tests talk to in-process fakes on http://127.0.0.1.
    // A company without a fake of its own reaches no real Retell: nothing listens on port 2, so it refuses at once.
    env: { ALLOW_INSECURE_OUTBOUND_HTTP: "true", RETELL_API_BASE_URL: "http://127.0.0.1:2" },
  },
});
