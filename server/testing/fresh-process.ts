/**
 * The test runner reuses one process for many test files (vitest `isolate: false`): loading the
 * server's modules once per worker instead of once per file halves the suite's time. The state a
 * file may leave behind in the process is put back here before the next file starts.
 */
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { closeDb } from "@/server/platform/db";
import { resetEnv } from "@/server/platform/env";
import { resetMcpEnv } from "@/server/platform/mcp-env";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { resetCircuits } from "@/server/platform/resilience";
import { clearTokenCache } from "@/server/services/tokens/authenticate";

// Taken when the worker first loads this module, before any test file ran.
const startEnv = { ...process.env };

/** Process-wide state the product keeps on globalThis and creates again when it is missing. */
const RECREATED_GLOBALS = ["__askproStopping", "__askproLoginThrottle"] as const;

export async function startAsFreshProcess(): Promise<void> {
  // A file that used the process-wide database leaves it open: its rows are flushed and it is closed.
  await closeDb();
  for (const key of Object.keys(process.env)) if (!(key in startEnv)) delete process.env[key];
  Object.assign(process.env, startEnv);
  resetEnv();
  resetMcpEnv();
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
  resetCircuits();
  clearTokenCache();
  // A shutdown test marks the process as stopping; the login throttle counts failed logins.
  for (const key of RECREATED_GLOBALS) delete (globalThis as Record<string, unknown>)[key];
}
