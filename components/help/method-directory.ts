export interface DirectoryServer {
  name: string;
  description: string;
  methods: Array<{ name: string; description: string; kind: "read" | "write" }>;
}

/**
 * Every server and method of the registry with its German description, for the guide's API page:
 * read from the registry itself, so the list is never behind the code (mcp.discover answers the
 * same, with the JSON Schemas).
 */
export function methodDirectory(servers: ReadonlyArray<Omit<DirectoryServer, "methods"> & { methods: ReadonlyArray<DirectoryServer["methods"][number]> }>): DirectoryServer[] {
  return [...servers]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => ({
      name: s.name,
      description: s.description,
      methods: s.methods.map((m) => ({ name: m.name, description: m.description, kind: m.kind })),
    }));
}
