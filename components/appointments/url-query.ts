/** Reading list state from a URL query, on the server (searchParams) and in the browser alike. */

/** Read-only view of a query string, as both `URLSearchParams` and Next's search params offer it. */
export interface QueryReader {
  get(name: string): string | null;
}

/** A page number from the query ("seite"), 1 when missing or malformed. */
export function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page : 1;
}

/** The query of a server component's `searchParams` (first value of repeated names). */
export function queryOf(params: Record<string, string | string[] | undefined>): QueryReader {
  return { get: (name) => [params[name]].flat()[0] ?? null };
}
