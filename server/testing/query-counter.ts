/**
 * Counts what a piece of code asks of the database, for query-budget tests: the Prisma
 * operations it runs (each one is compiled and interpreted by the client, the per-query cost)
 * and the SQL statements that reach PGlite through the driver adapter (what the database sees,
 * inside transactions too). `$on("query")` is not available with driver adapters on the client
 * engine, so the adapter itself is wrapped.
 */
import type { PGlite } from "@electric-sql/pglite";
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";
import { pgliteAdapter } from "@/server/platform/db/pglite-prepared";

export interface QueryCount {
  /** Prisma operations (model operations and raw queries), in order, as `model.operation` or `$queryRaw`. */
  operations: string[];
  /** SQL statements sent through the adapter, in order (transaction begin/commit not included). */
  statements: string[];
  /** Interactive transactions opened. */
  transactions: number;
}

export interface QueryCounter {
  /** The client to hand to the code under test (same database as the PGlite it was made from). */
  prisma: PrismaClient;
  /** Counts what `work` runs on `prisma`; nothing else may use the client meanwhile. */
  count<T>(work: () => Promise<T>): Promise<{ result: T; queries: QueryCount }>;
  close(): Promise<void>;
}

interface Queryable {
  queryRaw(query: { sql: string }): Promise<unknown>;
  executeRaw(query: { sql: string }): Promise<unknown>;
}

interface AdapterLike extends Queryable {
  startTransaction(...args: unknown[]): Promise<Queryable>;
}

interface FactoryLike {
  connect(): Promise<AdapterLike>;
}

/** A second Prisma client on the same PGlite whose every operation and statement is counted. */
export async function queryCounter(pglite: PGlite): Promise<QueryCounter> {
  let current: QueryCount | null = null;
  const statement = (sql: string) => current?.statements.push(sql.replace(/\s+/g, " ").trim());

  const countQueries = <Q extends Queryable>(target: Q): Q =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver) as unknown;
        if ((prop === "queryRaw" || prop === "executeRaw") && typeof value === "function") {
          return (query: { sql: string }) => {
            statement(query.sql);
            return (value as (q: unknown) => Promise<unknown>).call(obj, query);
          };
        }
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(obj) : value;
      },
    });

  // The product's adapter, so the statements counted are the ones the app sends.
  const inner = (await pgliteAdapter(pglite)) as unknown as FactoryLike;
  const factory = new Proxy(inner, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (prop !== "connect" || typeof value !== "function") {
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(obj) : value;
      }
      return async () => {
        const adapter = await (value as () => Promise<AdapterLike>).call(obj);
        const counted = countQueries(adapter);
        return new Proxy(counted, {
          get(a, p, r) {
            if (p !== "startTransaction") return Reflect.get(a, p, r) as unknown;
            return async (...args: unknown[]) => {
              if (current) current.transactions += 1;
              return countQueries(await adapter.startTransaction(...args));
            };
          },
        });
      };
    },
  });

  const base = new PrismaClient({ adapter: factory as unknown as PrismaPg });
  const prisma = base.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        current?.operations.push(model ? `${model}.${operation}` : operation);
        return query(args);
      },
    },
  }) as unknown as PrismaClient;

  return {
    prisma,
    async count(work) {
      if (current) throw new Error("queryCounter.count does not nest");
      current = { operations: [], statements: [], transactions: 0 };
      try {
        const result = await work();
        return { result, queries: current };
      } finally {
        current = null;
      }
    },
    close: () => base.$disconnect(),
  };
}
