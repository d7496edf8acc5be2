/**
 * The `MCP_*` variables of §14.1 of the specification, validated once. Those that mean something
 * here are read: the circuit breaker switch, threshold and open time (platform/resilience.ts)
 * and the health check interval (how long a server's health answer is reused). The others are
 * accepted and ignored, with the reason in .env.example. A malformed value stops the app with a
 * message naming the variable, as for every other variable (platform/env.ts).
 */
import { z } from "zod";

const boolish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const positiveInt = z.coerce.number().int().positive();

const schema = z.object({
  MCP_CIRCUIT_BREAKER_ENABLED: boolish.default(true),
  /** Consecutive failed requests that open a breaker (§8.2 failure_threshold). */
  MCP_CIRCUIT_BREAKER_FAILURE_THRESHOLD: positiveInt.default(5),
  /** Seconds an open breaker refuses calls before it lets trial calls through (§8.2 timeout). */
  MCP_CIRCUIT_BREAKER_TIMEOUT: positiveInt.default(60),
  /** Seconds a server's health answer is reused per company (§14.1). */
  MCP_HEALTH_CHECK_INTERVAL: positiveInt.default(30),
});

export type McpEnv = z.output<typeof schema>;

export function parseMcpEnv(source: Record<string, string | undefined>): McpEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith("MCP_") && v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example.`);
  }
  return result.data;
}

const cache = globalThis as unknown as { __askproMcpEnv?: McpEnv };

export function mcpEnv(): McpEnv {
  cache.__askproMcpEnv ??= parseMcpEnv(process.env);
  return cache.__askproMcpEnv;
}

/** Reads the variables again on next use (tests that change process.env). */
export function resetMcpEnv(): void {
  delete cache.__askproMcpEnv;
}
