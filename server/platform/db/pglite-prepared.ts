import { setImmediate as afterPendingIo } from "node:timers/promises";
import { parse, protocol, type ParserOptions, type PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";
import type { PrismaPg } from "@prisma/adapter-pg";

/**
 * Prisma's PGlite adapter sends every statement unnamed, so the embedded PostgreSQL parses,
 * analyses and plans it again on each call: in WebAssembly 0.5-1.5 ms per statement, the larger
 * part of a phone call's database time. The client below gives the adapter the `query`, `exec`
 * and `transaction` it uses, but keeps each SQL text as a named prepared statement and runs it
 * with one Bind/Execute/Sync round trip (the busy-times read: 0.8-1.2 ms unnamed, 0.2 ms prepared,
 * on the seeded test database). The statements are bounded: the least recently used one is closed
 * when a new one would pass the limit (SQL with IN lists of varying length has many texts). They
 * outlive a rolled-back transaction, as PostgreSQL's prepared statements do.
 */
export const PREPARED_STATEMENT_LIMIT = 400;

/** The part of a PGlite the adapter calls, and of its transactions. */
export interface AdapterClient {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string, options?: QueryOptions): Promise<Array<Results>>;
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
}

interface Statement {
  name: string;
  paramTypes: number[];
  /** The row description from Describe, absent for statements that return no rows. */
  rowDescription: ReturnType<typeof findRowDescription>;
}

const { serialize } = protocol;
// PostgreSQL refuses to reuse a statement whose result columns changed under it (a migration).
const CACHED_PLAN_CHANGED = "0A000";

// One set per database: statement names are the connection's, and two clients may share a PGlite.
// On globalThis, because this module may be loaded more than once in a process (one copy per Next
// bundle; test files sharing a worker) while the database and its statements live on: a second,
// empty set would hand out names the database already has.
const registry = globalThis as unknown as { __askproPreparedStatements?: WeakMap<PGlite, PreparedStatements> };
const statementsOf = (registry.__askproPreparedStatements ??= new WeakMap<PGlite, PreparedStatements>());

export function preparedStatementClient(pg: PGlite, limit = PREPARED_STATEMENT_LIMIT): AdapterClient {
  let statements = statementsOf.get(pg);
  if (!statements) statementsOf.set(pg, (statements = new PreparedStatements(pg, limit)));
  return {
    // Like PGlite's own query: waits for a running transaction, then writes the files through.
    query: async <T>(sql: string, params: unknown[] = [], options?: QueryOptions) => {
      // PGlite runs a statement synchronously and answers in a microtask, so statements queued one
      // after another (ten callers' requests, each a few statements) would all run in one microtask
      // drain: no new request read, no timer, for up to 100 ms under the phone bench. Waiting for the
      // I/O already waiting first (not inside transactions, which keep the database to themselves)
      // halved the event loop's p99 delay and cut the booking ×10 p99 by about a fifth.
      await afterPendingIo();
      return pg._runExclusiveTransaction(async () => {
        await pg._checkReady(); // a closed database says so ("PGlite is closed"), as PGlite's own query does
        const result = await pg.runExclusive(() => statements.run<T>(sql, params, options));
        await pg.syncToFs();
        return result;
      });
    },
    exec: (sql, options) => pg.exec(sql, options),
    transaction: (fn) =>
      pg.transaction((tx) =>
        fn({
          ...tx,
          query: <T>(sql: string, params: unknown[] = [], options?: QueryOptions) => {
            if (tx.closed) throw new Error("Transaction is closed");
            return pg.runExclusive(() => statements.run<T>(sql, params, options));
          },
          get closed() {
            return tx.closed;
          },
        }),
      ),
  };
}

class PreparedStatements {
  private readonly byText = new Map<string, Statement>();
  private readonly layeredParsers = new WeakMap<ParserOptions, PGlite["parsers"]>();
  private counter = 0;

  constructor(
    private readonly pg: PGlite,
    private readonly limit: number,
  ) {}

  /** Runs one statement; the caller holds PGlite's query lock. */
  async run<T>(sql: string, params: unknown[], options: QueryOptions | undefined): Promise<Results<T>> {
    const known = this.byText.get(sql);
    if (known) {
      // Most recently used last: the limit closes the statement unused the longest.
      this.byText.delete(sql);
      this.byText.set(sql, known);
    }
    const statement = known ?? (await this.prepare(sql));
    try {
      return await this.execute<T>(statement, params, options);
    } catch (error) {
      if ((error as { code?: string }).code !== CACHED_PLAN_CHANGED) throw error;
      await this.close(sql, statement);
      return this.execute<T>(await this.prepare(sql), params, options);
    }
  }

  private async execute<T>(statement: Statement, params: unknown[], options: QueryOptions | undefined): Promise<Results<T>> {
    const values = params.map((value, i) => serializeParam(this.pg, statement.paramTypes[i], value, options));
    const messages = await this.pg.execProtocolStream(
      Buffer.concat([serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()]),
      { syncToFs: false },
    );
    const described = statement.rowDescription ? [statement.rowDescription, ...messages] : messages;
    return parse.parseResults(described, this.parsersFor(options), options?.rowMode ? { rowMode: options.rowMode } : undefined)[0] as Results<T>;
  }

  /**
   * The query's parsers on top of PGlite's. parseResults would copy PGlite's whole table for every
   * query that brings parsers (the adapter always does), so the layering is kept per table. PGlite's
   * table sits underneath as the prototype: array types it adds later (refreshArrayTypes) show through.
   */
  private parsersFor(options: QueryOptions | undefined): PGlite["parsers"] {
    if (!options?.parsers) return this.pg.parsers;
    let layered = this.layeredParsers.get(options.parsers);
    if (!layered) this.layeredParsers.set(options.parsers, (layered = Object.assign(Object.create(this.pg.parsers) as PGlite["parsers"], options.parsers)));
    return layered;
  }

  private async prepare(sql: string): Promise<Statement> {
    if (this.byText.size >= this.limit) {
      const [oldestText, oldest] = this.byText.entries().next().value!;
      await this.close(oldestText, oldest);
    }
    const name = `askpro_${++this.counter}`;
    const messages = await this.pg.execProtocolStream(
      Buffer.concat([serialize.parse({ name, text: sql, types: [] }), serialize.describe({ type: "S", name }), serialize.sync()]),
      { syncToFs: false },
    );
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(messages), rowDescription: findRowDescription(messages) };
    this.byText.set(sql, statement);
    return statement;
  }

  private async close(sql: string, statement: Statement): Promise<void> {
    this.byText.delete(sql);
    await this.pg.execProtocolStream(Buffer.concat([serialize.close({ type: "S", name: statement.name }), serialize.sync()]), { syncToFs: false });
  }
}

function findRowDescription(messages: Awaited<ReturnType<PGlite["execProtocolStream"]>>) {
  return messages.find((message) => message.name === "rowDescription");
}

/** As PGlite serializes a parameter: by its type's serializer, else as text. */
function serializeParam(pg: PGlite, type: number | undefined, value: unknown, options: QueryOptions | undefined): string | null {
  if (value === null || value === undefined) return null;
  const serializer = (type !== undefined && (options?.serializers?.[type] ?? pg.serializers[type])) || undefined;
  return serializer ? serializer(value) : String(value);
}

/** Prisma's driver adapter on the embedded database, through the prepared-statement client. */
export async function pgliteAdapter(pg: PGlite): Promise<PrismaPg> {
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  // Typed against an older @prisma/driver-adapter-utils and a PGlite; the runtime contract is the same.
  return new PrismaPGlite(preparedStatementClient(pg) as unknown as PGlite) as unknown as PrismaPg;
}
