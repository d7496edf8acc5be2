/** Every answer carries the security headers; HSTS only in production; no page may be framed. */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

const require = createRequire(import.meta.url);

const asMap = (headers: Array<{ key: string; value: string }>) => new Map(headers.map((h) => [h.key.toLowerCase(), h.value]));

describe("security headers", () => {
  it("next.config.js sends them for every path", async () => {
    const config = require("../../next.config.js") as { headers: () => Promise<Array<{ source: string; headers: Array<{ key: string; value: string }> }>> };
    const rules = await config.headers();
    const all = rules.find((r) => r.source === "/:path*");
    expect(all).toBeDefined();
    const headers = asMap(all!.headers);
    expect(headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("adds HSTS in production only, and keeps eval out of production scripts", () => {
    const production = asMap(securityHeaders({ production: true }));
    expect(production.get("strict-transport-security")).toMatch(/^max-age=\d{8,}/);
    expect(production.get("content-security-policy")).not.toContain("unsafe-eval");
    expect(asMap(securityHeaders({ production: false })).has("strict-transport-security")).toBe(false);
  });

  it("lets pages load only from this site: no foreign scripts, objects or form targets", () => {
    const csp = asMap(securityHeaders({ production: true })).get("content-security-policy")!;
    const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")!.every((v) => v === "'self'" || v === "'unsafe-inline'")).toBe(true);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("form-action")).toEqual(["'self'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  });
});
