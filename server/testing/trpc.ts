/** Dashboard tRPC calls in tests: real requests through tRPC's fetch adapter, as /api/trpc serves them. */
import { handleTrpcRequest } from "@/server/doors/trpc/http-handler";
import type { AnyRouter } from "@trpc/server";
import type { Session } from "next-auth";
import superjson from "superjson";
import { createTRPCContext } from "@/server/doors/trpc/trpc";
import type { PrismaClient } from "@/server/generated/prisma/client";

export interface TrpcTestOptions {
  db: PrismaClient;
  now?: () => Date;
}

export interface TrpcTestResponse {
  status: number;
  data: unknown;
  error?: { message: string; code: number; data: Record<string, unknown> };
}

/** A next-auth session for a seeded user (as the JWT callback builds it). */
export function sessionFor(
  user: { id: string; name: string; email: string; role: "admin" | "staff" },
  companyId: string,
  company: { name?: string; slug?: string } = {},
): Session {
  return {
    expires: "2099-01-01T00:00:00.000Z",
    user: { ...user, companyId, companyName: company.name ?? "Salon Schönschnitt", companySlug: company.slug ?? "demo" },
  };
}

/** The admin and staff session of a seeded company (its first admin and first staff user). */
export async function sessionsOf(db: PrismaClient, companyId: string): Promise<{ admin: Session; staff: Session }> {
  const users = await db.user.findMany({ where: { companyId }, orderBy: { email: "asc" } });
  const pick = (role: "admin" | "staff") => {
    const user = users.find((u) => u.role === role);
    if (!user) throw new Error(`No ${role} user in company ${companyId}`);
    return sessionFor({ id: user.id, name: user.name, email: user.email, role }, companyId);
  };
  return { admin: pick("admin"), staff: users.some((u) => u.role === "staff") ? pick("staff") : pick("admin") };
}

/**
 * One query (GET) or mutation (POST) at `path`, e.g. "queue.list". Input and output cross
 * with superjson like in the browser.
 */
export async function callTrpc(
  router: AnyRouter,
  path: string,
  session: Session | null,
  input: unknown,
  opts: TrpcTestOptions & { mutation?: boolean },
): Promise<TrpcTestResponse> {
  const payload = input === undefined ? undefined : JSON.stringify(superjson.serialize(input));
  const url = new URL(`http://127.0.0.1/api/trpc/${path}`);
  if (!opts.mutation && payload) url.searchParams.set("input", payload);
  const req = new Request(url, {
    method: opts.mutation ? "POST" : "GET",
    // As the dashboard sends them: JSON from the app's own origin.
    headers: { "x-correlation-id": "test-correlation-1", "content-type": "application/json", origin: url.origin },
    body: opts.mutation ? (payload ?? "{}") : undefined,
  });
  const res = await handleTrpcRequest(req, {
    router,
    createContext: () => createTRPCContext({ headers: req.headers, session, services: { db: opts.db, now: opts.now } }),
  });
  const body = (await res.json()) as {
    result?: { data: { json: unknown; meta?: unknown } };
    error?: { json: { message: string; code: number; data: Record<string, unknown> } };
  };
  const data = body.result ? superjson.deserialize(body.result.data as Parameters<typeof superjson.deserialize>[0]) : undefined;
  return { status: res.status, data, error: body.error?.json };
}
