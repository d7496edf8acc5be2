import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run test:embedded`: the app's life on the embedded database against a production build
// (NEXT_DIST_DIR, default .next; built first when missing). Slow by nature: one file, in order.
export default defineConfig({
  root: fileURLToPath(new URL("../../", import.meta.url)),
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("../../", import.meta.url)),
      // Outside Next, `server-only` would throw; tests run server code only.
      "server-only": fileURLToPath(new URL("../../node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["e2e/embedded/**/*.test.ts"],
    environment: "node",
    testTimeout: 5 * 60_000,
    hookTimeout: 20 * 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
