import { AppError, ErrorCodes } from "@/server/core/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { getRegistry } from "@/server/core/registry";
import { forgetToken } from "./authenticate";
import { displayToken, generateToken, hashToken, visiblePrefix } from "./format";
import { grantsOf, serverOption } from "@/server/core/token-scopes";

export interface TokenInfo {
  id: string;
  name: string;
  /** "apk_abcd1234…" */
  display: string;
  allowedServers: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

type Row = { id: string; name: string; prefix: string; allowedServers: string[]; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

function info(row: Row): TokenInfo {
  return {
    id: row.id,
    name: row.name,
    display: displayToken(row.prefix),
    allowedServers: row.allowedServers,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

/**
 * Creates a token for one company with exactly the grants chosen (server names, `<server>:read`,
 * `config:<server>`; see scopes.ts). The clear token is returned only here; the database keeps its SHA-256.
 */
export async function createApiToken(
  db: PrismaClient,
  input: { companyId: string; name: string; allowedServers: string[]; createdById?: string },
): Promise<{ token: string; info: TokenInfo }> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new AppError(ErrorCodes.INVALID_INPUT, "Bitte einen Namen mit 1 bis 100 Zeichen angeben.");
  const allowedServers = [...new Set(input.allowedServers)];
  if (allowedServers.length === 0) throw new AppError(ErrorCodes.INVALID_INPUT, "Bitte mindestens einen Dienst wählen.");
  const known = new Set(getRegistry().servers.flatMap((server) => grantsOf(serverOption(server))));
  const unknown = allowedServers.filter((s) => !known.has(s));
  if (unknown.length) throw new AppError(ErrorCodes.INVALID_INPUT, `Unbekannte Dienste: ${unknown.join(", ")}`);

  const token = generateToken();
  const row = await db.apiToken.create({
    data: {
      companyId: input.companyId,
      name,
      prefix: visiblePrefix(token),
      tokenHash: hashToken(token),
      allowedServers,
      createdById: input.createdById ?? null,
    },
  });
  return { token, info: info(row) };
}

export async function listApiTokens(db: PrismaClient, companyId: string): Promise<TokenInfo[]> {
  const rows = await db.apiToken.findMany({ where: { companyId }, orderBy: { createdAt: "desc" } });
  return rows.map(info);
}

/**
 * Revokes a token by id or visible prefix (with or without the trailing "…"), within one
 * company. Takes effect at once in this process; other instances drop their cached copy
 * within the authentication cache lifetime.
 */
export async function revokeApiToken(db: PrismaClient, companyId: string, idOrPrefix: string, now = new Date()): Promise<TokenInfo> {
  const key = idOrPrefix.replace(/…$/, "").trim();
  const rows = await db.apiToken.findMany({ where: { companyId, OR: [{ id: key }, { prefix: key }] } });
  if (rows.length === 0) throw new AppError(ErrorCodes.NOT_FOUND, "Das Token wurde nicht gefunden.");
  if (rows.length > 1) throw new AppError(ErrorCodes.CONFLICT, "Mehrere Tokens passen; bitte die ID angeben.");
  const row = rows[0]!;
  const updated = row.revokedAt ? row : await db.apiToken.update({ where: { id: row.id }, data: { revokedAt: now } });
  forgetToken(row.tokenHash);
  return info(updated);
}
