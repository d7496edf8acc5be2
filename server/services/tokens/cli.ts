import { parseArgs } from "node:util";
import { isAppError } from "@/server/core/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { getRegistry } from "@/server/core/registry";
import { createApiToken, listApiTokens, revokeApiToken } from "./manage";
import { everyOrdinaryGrant, serverOption } from "@/server/core/token-scopes";

export const TOKEN_CLI_USAGE = `Usage:
  npm run mcp:token -- --company <slug> --name <label> --servers a,b     create a token (printed once); grants:
      <server> (reads and writes), <server>:read, config:<server> (configuration), all (every server, no configuration)
  npm run mcp:token -- --company <slug> --list                          list tokens
  npm run mcp:token -- --company <slug> --revoke <id|prefix>            revoke a token`;

const fmt = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) : "-");

/** The logic of scripts/mcp-token.ts; returns the exit code. */
export async function runTokenCli(db: PrismaClient, argv: string[], out: (line: string) => void): Promise<number> {
  let values: { company?: string; name?: string; servers?: string; list?: boolean; revoke?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { company: { type: "string" }, name: { type: "string" }, servers: { type: "string" }, list: { type: "boolean" }, revoke: { type: "string" } },
    }));
  } catch (err) {
    out(`${(err as Error).message}\n${TOKEN_CLI_USAGE}`);
    return 2;
  }
  const modes = [values.name !== undefined, values.list === true, values.revoke !== undefined].filter(Boolean).length;
  if (!values.company || modes !== 1) {
    out(TOKEN_CLI_USAGE);
    return 2;
  }
  const company = await db.company.findUnique({ where: { slug: values.company }, select: { id: true, name: true } });
  if (!company) {
    out(`No company with slug '${values.company}'.`);
    return 1;
  }
  try {
    if (values.list) {
      const tokens = await listApiTokens(db, company.id);
      if (tokens.length === 0) out(`No tokens for ${company.name}.`);
      for (const t of tokens) {
        const servers = t.allowedServers.length ? t.allowedServers.join(",") : "only discovery";
        const state = t.revokedAt ? `revoked ${fmt(t.revokedAt)}` : "active";
        out(`${t.id}  ${t.display}  ${t.name}  [${servers}]  ${state}  created ${fmt(t.createdAt)}  last used ${fmt(t.lastUsedAt)}`);
      }
      return 0;
    }
    if (values.revoke !== undefined) {
      const t = await revokeApiToken(db, company.id, values.revoke);
      out(`Revoked ${t.display} (${t.name}).`);
      return 0;
    }
    const chosen = (values.servers ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const options = getRegistry().servers.filter((s) => s.name !== "mcp").map(serverOption);
    const allowedServers = chosen.flatMap((grant) => (grant === "all" ? everyOrdinaryGrant(options) : [grant]));
    const { token, info } = await createApiToken(db, { companyId: company.id, name: values.name!, allowedServers });
    out(`Token "${info.name}" for ${company.name} (${info.allowedServers.join(", ")}), id ${info.id}.`);
    out("Shown only now; store it safely:");
    out(token);
    return 0;
  } catch (err) {
    if (isAppError(err)) {
      out(err.message);
      return 1;
    }
    throw err;
  }
}
