import { defineSection } from "../lib/types";

const call = (id: number) => ({ jsonrpc: "2.0", id, method: "company.getSettings", params: {} });

/** The JSON-RPC gateway: one cached authenticated read, and a batch of ten. */
export const section = defineSection({
  name: "JSON-RPC gateway",
  async run(ctx) {
    const headers = { "content-type": "application/json", "x-mcp-token": ctx.token };
    const single = await ctx.load("gateway: company.getSettings", { path: "/api/mcp", method: "POST", headers, body: JSON.stringify(call(1)) });
    const batch = await ctx.load("gateway: batch of 10", {
      path: "/api/mcp",
      method: "POST",
      headers,
      body: JSON.stringify(Array.from({ length: 10 }, (_, i) => call(i + 1))),
    });
    return [single, batch];
  },
});
