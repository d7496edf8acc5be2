/**
 * The dashboard's procedures derived from the registry: every registered method is
 * `trpc.<server>.<method>`, a query when it reads and a mutation when it writes, called
 * through `callMethod` exactly like the JSON-RPC gateway calls it (same validation, roles,
 * cache, audit). A server whose name has a dot nests: `retell.config.setApiKey` sits next
 * to `retell.listAgents`. The zod schemas only give the procedures their types.
 */
import { TRPCError, type TRPCMutationProcedure, type TRPCQueryProcedure } from "@trpc/server";
import type { z } from "zod";
import { callMethod, MethodNotFoundError } from "@/server/core/dispatch";
import type { MethodDef, ServerDef, ServiceContext } from "@/server/core/types";
import { protectedProcedure, type ProcedureMeta } from "./trpc";

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
    if (err instanceof MethodNotFoundError) throw new TRPCError({ code: "NOT_FOUND", message: err.message });
    throw err; // AppError and InvalidParamsError: mapped by the domainErrors middleware
  }
}

/* Types: the tree of procedures a list of typed servers gives. */

type ProcedureOf<M extends MethodDef> = M["kind"] extends "read"
  ? TRPCQueryProcedure<{ input: z.input<M["params"]>; output: z.output<M["result"]>; meta: ProcedureMeta }>
  : TRPCMutationProcedure<{ input: z.input<M["params"]>; output: z.output<M["result"]>; meta: ProcedureMeta }>;

type Head<N extends string> = N extends `${infer H}.${string}` ? H : N;
type After<N extends string, Prefix extends string> = N extends `${Prefix}.${infer Rest}` ? Rest : never;

type MethodsOf<S extends ServerDef> = {
  [M in S["methods"][number] as After<M["name"], S["name"]>]: ProcedureOf<M>;
};

/** The methods of the server called `Name` and, nested by the next name part, the servers below it. */
type Node<S extends ServerDef, Name extends string> = MethodsOf<Extract<S, { name: Name }>> & {
  [Child in Head<After<S["name"], Name>>]: Node<S, `${Name}.${Child}`>;
};

export type MethodTree<S extends ServerDef> = { [Top in Head<S["name"]>]: Node<S, Top> };

/* Runtime */

/** Input is passed through untouched: the method validates it once, in callMethod. */
const passThrough = (raw: unknown) => raw;

function procedureFor(method: MethodDef) {
  const base = protectedProcedure.meta({ method: method.name }).input(passThrough);
  return method.kind === "read"
    ? base.query(({ ctx, input }) => callAsUser(ctx.service, method.name, input))
    : base.mutation(({ ctx, input }) => callAsUser(ctx.service, method.name, input));
}

type ProcedureNode = { [key: string]: ProcedureNode | ReturnType<typeof procedureFor> };

/** The procedure tree for `servers`, to be spread into the app router. */
export function methodTree<S extends ServerDef>(servers: readonly S[]): MethodTree<S> {
  const root: ProcedureNode = {};
  for (const server of servers) {
    let node = root;
    for (const part of server.name.split(".")) {
      const next = (node[part] ??= {});
      if (typeof next === "function") throw new Error(`tRPC: server ${server.name} collides with the method ${part}`);
      node = next;
    }
    for (const method of server.methods) {
      const action = method.name.slice(server.name.length + 1);
      if (action in node) throw new Error(`tRPC: method ${method.name} collides with a server of the same name`);
      node[action] = procedureFor(method);
    }
  }
  return root as unknown as MethodTree<S>;
}
