import { appointmentsServer } from "@/server/mcp/appointments/methods";
import { branchServer } from "@/server/mcp/branch/methods";
import { calcomServer } from "@/server/mcp/calcom/methods";
import { companyServer } from "@/server/mcp/company/methods";
import { customerServer } from "@/server/mcp/customer/methods";
import { mcpServer } from "@/server/mcp/mcp/methods";
import { queueServer } from "@/server/mcp/queue/methods";
import { serviceServer } from "@/server/mcp/service/methods";
import { staffServer } from "@/server/mcp/staff/methods";
import type { MethodDef, ServerDef } from "@/server/mcp/types";
import { knowledgeServer } from "@/server/mcp/knowledge/methods";
import { retellFunctionServer } from "@/server/mcp/retell-function/methods";
import { retellServer } from "@/server/mcp/retell/methods";
import { retellConfigServer } from "@/server/mcp/retell-config/methods";
import { webhookServer } from "@/server/mcp/webhook/methods";

/**
 * Every MCP server of the product. Each door (JSON-RPC gateway, /mcp, tRPC, Retell routes)
 * reads this one list; a method is never registered anywhere else.
 *
 * To add a server: export it from `server/mcp/<server>/methods.ts` with `defineServer`,
 * add one import below and one entry (on its own line) to `servers`. Order does not matter.
 * Re-read this file right before editing: keep every entry that is already there.
 */
export const servers: ServerDef[] = [
  mcpServer,
  companyServer,
  branchServer,
  customerServer,
  knowledgeServer,
  retellFunctionServer,
  retellServer,
  retellConfigServer,
  webhookServer,
  appointmentsServer,
  queueServer,
  calcomServer,
  staffServer,
  serviceServer,
];

/** Lookup over a list of servers; built once per list. Tests may build their own. */
export class Registry {
  private readonly methods = new Map<string, { server: ServerDef; method: MethodDef }>();
  private readonly byName = new Map<string, ServerDef>();
  /** Server names, longest first, for prefix resolution. */
  private readonly names: string[];

  constructor(readonly servers: readonly ServerDef[]) {
    for (const server of servers) {
      if (this.byName.has(server.name)) throw new Error(`Server ${server.name} is registered twice`);
      this.byName.set(server.name, server);
      for (const method of server.methods) {
        if (this.methods.has(method.name)) throw new Error(`Method ${method.name} is registered twice`);
        this.methods.set(method.name, { server, method });
      }
    }
    this.names = [...this.byName.keys()].sort((a, b) => b.length - a.length);
  }

  /** The server a method name belongs to: the longest registered server prefix wins. */
  resolveServer(methodName: string): ServerDef | undefined {
    const name = this.names.find((n) => methodName.startsWith(`${n}.`));
    return name ? this.byName.get(name) : undefined;
  }

  /** The method and its server, or undefined when the resolved server has no such method. */
  findMethod(methodName: string): { server: ServerDef; method: MethodDef } | undefined {
    const server = this.resolveServer(methodName);
    const found = server && this.methods.get(methodName);
    return found && found.server === server ? found : undefined;
  }

  getServer(name: string): ServerDef | undefined {
    return this.byName.get(name);
  }

  /** All methods in registry order. */
  allMethods(): { server: ServerDef; method: MethodDef }[] {
    return this.servers.flatMap((server) => server.methods.map((method) => ({ server, method })));
  }
}

let registry: Registry | undefined;

/** The product's registry (all `servers` above). */
export function getRegistry(): Registry {
  registry ??= new Registry(servers);
  return registry;
}
