import { z } from "zod";

/** The short form every caller has always seen: not configured counts as healthy, degraded and down as unhealthy. */
export const healthSchema = z.object({ status: z.enum(["healthy", "unhealthy"]), message: z.string().nullable() });

export const healthState = z.enum(["healthy", "degraded", "down", "not_configured"]);

/** What a server's check found for the calling company. */
export const serverCheckSchema = z.object({
  /** not_configured is no error: the company does not use it (no Retell key, the built-in calendar, no mail server). */
  status: healthState,
  /** In plain German. */
  message: z.string(),
  /** What to do about it, e.g. "API-Schlüssel prüfen"; null when nothing is to be done. */
  action: z.string().nullable(),
  latency_ms: z.number().nullable(),
  checked_at: z.string(),
  /** The check behind the answer (`database`, `retell`, `calcom`, `smtp`); servers sharing one share its answer. */
  check: z.string(),
  /** Its German name ("Datenbank", "Retell", ...). */
  check_label: z.string(),
});
export type ServerCheck = z.output<typeof serverCheckSchema>;

export const discoverParams = z.object({});
export const discoverResult = z.object({
  servers: z.array(
    z.object({
      name: z.string(),
      version: z.string(),
      description: z.string(),
      health: healthSchema,
      methods: z.array(
        z.object({
          name: z.string(),
          description: z.string(),
          kind: z.enum(["read", "write"]),
          /** JSON Schema of the params. */
          params: z.record(z.string(), z.unknown()),
          /** JSON Schema of `result.data`. */
          result: z.record(z.string(), z.unknown()),
          /** Parameters of the specification accepted next to ours (docs/api-compat.md). */
          spec_aliases: z.array(z.object({ spec: z.string(), maps_to: z.string(), description: z.string() })),
        }),
      ),
    }),
  ),
});

export const healthParams = z.object({});
export const healthResult = z.object({
  /** degraded when any server is degraded or down. */
  status: z.enum(["healthy", "degraded"]),
  servers: z.record(z.string(), healthSchema),
  /** Per server the full answer of its check. */
  checks: z.record(z.string(), serverCheckSchema),
});
