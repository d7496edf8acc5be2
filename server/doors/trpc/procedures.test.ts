import { describe, expect, it } from "vitest";
import { getRegistry } from "@/server/core/registry";
import { appRouter } from "./root";
import type { ProcedureMeta } from "./trpc";

/**
 * Procedures that are not MCP methods, and why. Everything else in the dashboard's API must be
 * a registered method, so it gets the service layer's validation, roles, tenant checks and audit.
 */
const OWN_PROCEDURES: Record<string, string> = {
  "dashboard.tokens.": "API tokens are managed only by logged-in admins: a token must not mint tokens",
  "dashboard.": "read-only figures of the session's company for the overview and page headers",
  "setup.": "the first company of an empty install: no company, no session and no token exist yet to call a method with",
};

// Flat at run time ("queue.list"), typed as the nested router record: hence the cast through unknown.
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>;

describe("the dashboard API", () => {
  it("has procedures", () => {
    expect(Object.keys(procedures).length).toBeGreaterThan(5);
  });

  it.each(Object.keys(procedures))("%s is a registered MCP method or a documented exception", (path) => {
    const method = procedures[path]._def.meta?.method;
    if (method) {
      expect(getRegistry().findMethod(method), `${path} → ${method}`).toBeDefined();
      expect(path, "a method's procedure is named like the method").toBe(method);
    } else {
      expect(Object.keys(OWN_PROCEDURES).some((prefix) => path.startsWith(prefix)), `${path} bypasses the service layer`).toBe(true);
    }
  });
});
