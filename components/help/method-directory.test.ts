import { describe, expect, it } from "vitest";
import { methodDirectory } from "./method-directory";

// Shaped like the registry's servers (name, description, methods with more fields than shown).
const servers = [
  {
    name: "mcp",
    description: "Verzeichnis der Dienste.",
    version: "1.0.0",
    methods: [{ name: "mcp.discover", description: "Listet alle Dienste.", kind: "read" as const, roles: ["admin"] }],
  },
  {
    name: "appointments",
    description: "Termine.",
    version: "1.0.0",
    methods: [
      { name: "appointments.find", description: "Findet Termine.", kind: "read" as const },
      { name: "appointments.book", description: "Bucht einen Termin.", kind: "write" as const },
    ],
  },
];

describe("the API page's method list", () => {
  it("orders the servers by name and keeps each server's methods in their order", () => {
    const directory = methodDirectory(servers);
    expect(directory.map((s) => s.name)).toEqual(["appointments", "mcp"]);
    expect(directory[0]!.methods.map((m) => m.name)).toEqual(["appointments.find", "appointments.book"]);
  });

  it("shows only name, description and whether a method writes", () => {
    const [, mcp] = methodDirectory(servers);
    expect(mcp).toEqual({ name: "mcp", description: "Verzeichnis der Dienste.", methods: [{ name: "mcp.discover", description: "Listet alle Dienste.", kind: "read" }] });
    expect(servers.map((s) => s.name)).toEqual(["mcp", "appointments"]);
  });
});
