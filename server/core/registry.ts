import type { MethodDef, ServerDef } from "@/server/core/types";

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

// On globalThis so every bundle of one process (Next builds route handlers separately) shares it.
const holder = globalThis as unknown as { __askproRegistry?: Registry };

/** Installs the product's registry; called once by the composition root (server/composition.ts). */
export function provideRegistry(registry: Registry): void {
  holder.__askproRegistry = registry;
}

/** The product's registry, as provided by the composition root. */
export function getRegistry(): Registry {
  const registry = holder.__askproRegistry;
  if (!registry) throw new Error("No registry provided: import \"@/server/composition\" in the entry point first");
  return registry;
}
