/**
 * What an API token may call. A token lists its grants explicitly; there is no "everything":
 * - `<server>`: every ordinary method of the server, reads and writes,
 * - `<server>:read`: the server's reads only,
 * - `config:<server>`: the server's configuration methods (Retell settings and keys, the
 *   Cal.com connection, company data), which no other grant includes.
 * Discovery and health (`mcp`) are open to every token.
 */
import type { MethodDef, ServerDef } from "@/server/core/types";

export const READ_SUFFIX = ":read";
export const CONFIG_PREFIX = "config:";

/** Servers whose every method changes or reveals the company's configuration. */
const CONFIGURATION_SERVERS = new Set(["retell.config"]);

export function isConfigurationMethod(server: ServerDef, method: MethodDef): boolean {
  return CONFIGURATION_SERVERS.has(server.name) || method.configuration === true;
}

/** The grant for a server's configuration methods; a configuration server's own name is that choice already. */
export function configurationGrantOf(serverName: string): string {
  return CONFIGURATION_SERVERS.has(serverName) ? serverName : `${CONFIG_PREFIX}${serverName}`;
}

export function tokenMayCall(grants: readonly string[], server: ServerDef, method: MethodDef): boolean {
  if (server.name === "mcp") return true;
  if (isConfigurationMethod(server, method)) return grants.includes(configurationGrantOf(server.name));
  if (grants.includes(server.name)) return true;
  return method.kind === "read" && grants.includes(`${server.name}${READ_SUFFIX}`);
}

/** Whether the token may call at least one method of the server (discovery lists only those). */
export function tokenSeesServer(grants: readonly string[], server: ServerDef): boolean {
  return server.methods.some((method) => tokenMayCall(grants, server, method));
}

export interface TokenServerOption {
  name: string;
  description: string;
  /** The server has ordinary read methods (grant `<name>:read`). */
  reads: boolean;
  /** The server has ordinary write methods (grant `<name>`). */
  writes: boolean;
  /** The server has configuration methods (grant `config:<name>`), never suggested. */
  configuration: boolean;
}

export function serverOption(server: ServerDef): TokenServerOption {
  const ordinary = server.methods.filter((m) => !isConfigurationMethod(server, m));
  return {
    name: server.name,
    description: server.description,
    reads: ordinary.some((m) => m.kind === "read"),
    writes: ordinary.some((m) => m.kind === "write"),
    configuration: server.methods.some((m) => isConfigurationMethod(server, m)),
  };
}

/** The grant names a server offers, for validating a new token's list. */
export function grantsOf(option: TokenServerOption): string[] {
  return [
    ...(option.reads || option.writes ? [option.name] : []),
    ...(option.reads ? [`${option.name}${READ_SUFFIX}`] : []),
    ...(option.configuration ? [configurationGrantOf(option.name)] : []),
  ].filter((grant, i, all) => all.indexOf(grant) === i);
}

/** Every ordinary grant (reads and writes of every server), without any configuration. */
export function everyOrdinaryGrant(options: readonly TokenServerOption[]): string[] {
  return options.filter((o) => o.reads || o.writes).map((o) => o.name);
}

/** Every grant there is, configuration included: what a token made before grants were explicit could call. */
export function everyGrant(options: readonly TokenServerOption[]): string[] {
  return [...new Set([...everyOrdinaryGrant(options), ...options.filter((o) => o.configuration).map((o) => configurationGrantOf(o.name))])];
}

/** What the dashboard suggests for a new token: read access to every server that has reads. */
export function suggestedGrants(options: readonly TokenServerOption[]): string[] {
  return options.filter((o) => o.reads).map((o) => `${o.name}${READ_SUFFIX}`);
}
