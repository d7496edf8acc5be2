import { z } from "zod";

export const healthSchema = z.object({ status: z.enum(["healthy", "unhealthy"]), message: z.string().nullable() });

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
        }),
      ),
    }),
  ),
});

export const healthParams = z.object({});
export const healthResult = z.object({
  status: z.enum(["healthy", "degraded"]),
  servers: z.record(z.string(), healthSchema),
});
