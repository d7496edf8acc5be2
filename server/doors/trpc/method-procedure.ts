/**
 * The bridge from tRPC to the service layer: a dashboard procedure is one registered MCP
 * method, called through `callMethod` exactly like the JSON-RPC gateway calls it (same
 * validation, roles, cache, audit). The zod schemas only give the procedure its types; the
 * rules live in the method.
 */
import "@/server/composition";
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { callMethod, InvalidParamsError, MethodNotFoundError } from "@/server/core/dispatch";
import { getRegistry } from "@/server/core/registry";
import type { ServiceContext } from "@/server/core/types";
import { protectedProcedure } from "./trpc";

/** Calls one method as the dashboard user in `service`; service-layer errors become tRPC errors. */
export async function callAsUser(service: ServiceContext, name: string, params: unknown): Promise<unknown> {
  try {
    const { data } = await callMethod(name, params, {
      companyId: service.companyId,
      actor: service.actor,
      correlationId: service.correlationId,
      db: service.db,
      now: service.now,
    });
    return data;
  } catch (err) {
    if (err instanceof InvalidParamsError) {
      // With this cause the error formatter hands the field errors to the form.
      throw new TRPCError({ code: "BAD_REQUEST", message: "Die Eingaben sind ungültig.", cause: err });
    }
    if (err instanceof MethodNotFoundError) throw new TRPCError({ code: "NOT_FOUND", message: err.message });
    throw err; // AppError: mapped with its German message by the domainErrors middleware
  }
}

/** Fails at start-up when a procedure names a method that is not registered or has other params. */
function registeredMethod(name: string, params: z.ZodType, kind: "read" | "write") {
  const found = getRegistry().findMethod(name);
  if (!found) throw new Error(`tRPC bridge: method ${name} is not registered`);
  if (found.method.params !== params) throw new Error(`tRPC bridge: ${name} is bridged with another params schema`);
  if (found.method.kind !== kind) throw new Error(`tRPC bridge: ${name} is a ${found.method.kind}, not a ${kind}`);
}

/** Input is passed through untouched: the method validates it once, in callMethod. */
function passThrough<T>() {
  return (raw: unknown) => raw as T;
}

/** A query procedure for a registered read method, typed by its params and result schemas. */
export function methodQuery<P extends z.ZodType, R extends z.ZodType>(name: string, params: P, _result: R) {
  registeredMethod(name, params, "read");
  return protectedProcedure
    .meta({ method: name })
    .input(passThrough<z.input<P>>())
    .query(async ({ ctx, input }) => (await callAsUser(ctx.service, name, input)) as z.output<R>);
}

/** A mutation procedure for a registered write method, typed by its params and result schemas. */
export function methodMutation<P extends z.ZodType, R extends z.ZodType>(name: string, params: P, _result: R) {
  registeredMethod(name, params, "write");
  return protectedProcedure
    .meta({ method: name })
    .input(passThrough<z.input<P>>())
    .mutation(async ({ ctx, input }) => (await callAsUser(ctx.service, name, input)) as z.output<R>);
}
