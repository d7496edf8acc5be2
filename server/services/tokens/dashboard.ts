/**
 * API token management for logged-in admins. Not an MCP method on purpose (a token must not
 * mint tokens), so the audit row the dispatcher writes for method calls is written here.
 */
import { performance } from "node:perf_hooks";
import type { z } from "zod";
import { writeAudit } from "@/server/platform/audit";
import { isAppError } from "@/server/core/errors";
import { getRegistry } from "@/server/core/registry";
import type { ServiceContext } from "@/server/core/types";
import { createApiToken, listApiTokens, revokeApiToken, type TokenInfo } from "./manage";
import type { createTokenInput } from "./schemas";
import { serverOption, type TokenServerOption } from "@/server/core/token-scopes";

/** Servers a token can be granted, with what each offers. `mcp` (discovery and health) is open to every token. */
/** Servers no token may be granted: discovery is open to every token, dashboard logins only to logged-in admins. */
const NOT_GRANTABLE = new Set(["mcp", "user"]);

export function tokenServerOptions(): TokenServerOption[] {
  return getRegistry()
    .servers.filter((s) => !NOT_GRANTABLE.has(s.name))
    .map(serverOption);
}

export function listTokens(ctx: ServiceContext): Promise<TokenInfo[]> {
  return listApiTokens(ctx.db, ctx.companyId);
}

/** Creates a token; the clear token is in the answer once and never in the audit row. */
export function createToken(ctx: ServiceContext, input: z.output<typeof createTokenInput>): Promise<{ token: string; info: TokenInfo }> {
  return audited(
    ctx,
    "tokens.create",
    () => createApiToken(ctx.db, { companyId: ctx.companyId, name: input.name, allowedServers: input.allowed_servers, createdById: ctx.actor.id ?? undefined }),
    (r) => ({ token_id: r.info.id, name: r.info.name, prefix: r.info.display, allowed_servers: r.info.allowedServers }),
    { name: input.name, allowed_servers: input.allowed_servers },
  );
}

/** Revokes a token of the caller's company; the gateway refuses it at once in this process. */
export function revokeToken(ctx: ServiceContext, id: string): Promise<TokenInfo> {
  return audited(
    ctx,
    "tokens.revoke",
    () => revokeApiToken(ctx.db, ctx.companyId, id, ctx.now()),
    (info) => ({ token_id: info.id, name: info.name, prefix: info.display }),
    { token_id: id },
  );
}

async function audited<T>(
  ctx: ServiceContext,
  method: string,
  run: () => Promise<T>,
  details: (result: T) => Record<string, unknown>,
  attempted?: Record<string, unknown>,
): Promise<T> {
  const started = performance.now();
  const entry = { companyId: ctx.companyId, actor: ctx.actor, method, correlationId: ctx.correlationId, entityType: "api_token" };
  try {
    const result = await run();
    const written = details(result);
    await writeAudit(ctx.db, { ...entry, entityId: String(written.token_id), outcome: "success", durationMs: performance.now() - started, details: written });
    return result;
  } catch (err) {
    await writeAudit(ctx.db, {
      ...entry,
      outcome: "error",
      errorCode: isAppError(err) ? err.code : undefined,
      durationMs: performance.now() - started,
      entityId: typeof attempted?.token_id === "string" ? attempted.token_id : null,
      details: attempted,
    });
    throw err;
  }
}
