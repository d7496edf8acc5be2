import type { PrismaClient } from "@/server/generated/prisma/client";
import { getDb } from "@/server/platform/db";
import { readBodyWithin, RPC_BODY_LIMIT_BYTES } from "@/server/doors/request-kit";
import { authenticateToken, type AuthenticatedToken } from "@/server/services/tokens";

/** Shared by the HTTP doors (JSON-RPC gateway and /mcp): the API token and the body limit. */


/** The API token from `X-MCP-Token` or `Authorization: Bearer`. */
export function readApiToken(headers: Headers): string | null {
  const direct = headers.get("x-mcp-token")?.trim();
  if (direct) return direct;
  const auth = headers.get("authorization");
  if (auth && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, "").trim() || null;
  return null;
}

export interface DoorOptions {
  /** Defaults to the process-wide client. */
  db?: PrismaClient;
  /** Clock passed to services (ctx.now). */
  now?: () => Date;
}

export async function authenticate(headers: Headers, opts: DoorOptions): Promise<{ token: AuthenticatedToken; db: PrismaClient } | null> {
  const raw = readApiToken(headers);
  if (!raw) return null;
  const db = opts.db ?? (await getDb());
  const token = await authenticateToken(db, raw, (opts.now?.() ?? new Date()).getTime());
  return token ? { token, db } : null;
}

/** Reads the body as text within the gateway's limit; null when too large. */
export async function readBodyLimited(request: Request): Promise<string | null> {
  const body = await readBodyWithin(request, RPC_BODY_LIMIT_BYTES);
  return body.ok ? body.text : null;
}
