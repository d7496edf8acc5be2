import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getRegistry, Registry } from "./registry";
import { defineMethod, defineServer } from "./types";

const server = (name: string, ...methods: string[]) =>
  defineServer({
    name,
    version: "1",
    description: name,
    methods: methods.map((m) => defineMethod({ name: m, description: "", params: z.object({}), result: z.object({}), kind: "read", handler: async () => ({}) })),
  });

describe("Registry", () => {
  it("refuses a server or method registered twice", () => {
    expect(() => new Registry([server("a", "a.x"), server("a", "a.y")])).toThrow(/registered twice/);
  });

  it("refuses a method outside its server's namespace", () => {
    expect(() => server("a", "b.x")).toThrow(/does not belong/);
    expect(() => server("retell", "retell.config.get")).toThrow(/does not belong/);
  });

  it("holds the product servers, each method with a description and valid MCP tool name", () => {
    const names = getRegistry().servers.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["mcp", "company", "branch", "customer"]));
    for (const { method } of getRegistry().allMethods()) {
      expect(method.name).toMatch(/^[A-Za-z0-9._-]{1,128}$/);
      expect(method.description.length).toBeGreaterThan(5);
    }
  });
});
