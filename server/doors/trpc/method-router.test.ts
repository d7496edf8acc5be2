import type { Session } from "next-auth";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { defineMethod, defineServer } from "@/server/core/types";
import type * as appointments from "@/server/services/appointments/schemas";
import type * as retellConfig from "@/server/services/retell-config/schemas";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { seedDemo } from "@/server/seed/demo";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";
import { methodTree } from "./method-router";
import { getRegistry } from "@/server/core/registry";
import { appRouter, type AppRouter } from "./root";
import { createTRPCRouter } from "./trpc";

let testDb: TestDb;
let admin: Session;
let staff: Session;

const call = (path: string, session: Session, input?: unknown, mutation = false) =>
  callTrpc(appRouter, path, session, input, { db: testDb.prisma, mutation });

beforeAll(async () => {
  testDb = await createTestDb();
  const companyId = await seedDemo(testDb.prisma, { now: new Date("2026-03-10T08:00:00Z") });
  ({ admin, staff } = await sessionsOf(testDb.prisma, companyId));
});

afterAll(async () => {
  await testDb?.close();
});

describe("tRPC bridge to the service layer", () => {
  it("answers a read with the method's result for the session's company", async () => {
    const res = await call("queue.stats", staff);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ pending: expect.any(Number), failed: expect.any(Number) });
  });

  it("applies the method's role rule: a write is refused to staff with the service's German message", async () => {
    const res = await call("queue.retry", staff, { job_id: "job_x" }, true);
    expect(res.status).toBe(403);
    expect(res.error).toMatchObject({ message: "Für diese Aktion fehlt Ihnen die Berechtigung.", data: { appError: { code: 3006 } } });
  });

  it("answers invalid params with 400, German issues and their paths, validated by the method's schema", async () => {
    const res = await call("queue.retry", admin, { job_id: "" }, true);
    expect(res.status).toBe(400);
    expect(res.error?.message).toBe("Die Eingaben sind ungültig.");
    expect(res.error?.data.issues).toEqual([{ path: "job_id", message: "Bitte ausfüllen." }]);
  });

  it("passes domain errors on with their code: an unknown job is 404", async () => {
    const res = await call("queue.retry", admin, { job_id: "job_unknown" }, true);
    expect(res.status).toBe(404);
    expect(res.error?.data.appError).toMatchObject({ code: expect.any(Number) });
  });

  it("refuses a company_id of another company in the input", async () => {
    const res = await call("queue.list", admin, { company_id: "another-company" });
    expect(res.status).toBe(403);
  });

});

describe("the procedure tree derived from the registry", () => {
  const method = (name: string, kind: "read" | "write") =>
    defineMethod({ name, description: "", params: z.object({}), result: z.object({}), kind, handler: async () => ({}) });
  const server = (name: string, ...methods: ReturnType<typeof method>[]) =>
    defineServer({ name, version: "1", description: "", methods });
  const procedures = (record: object) => Object.keys(createTRPCRouter(record as Parameters<typeof createTRPCRouter>[0])._def.procedures).sort();
  const typeOf = (tree: object, ...path: string[]) =>
    (path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree) as { _def: { type: string } })._def.type;

  it("has every registered method at <server>.<method>, a read as a query and a write as a mutation", () => {
    const paths = Object.keys(appRouter._def.procedures).filter((p) => !p.startsWith("dashboard.") && !p.startsWith("setup."));
    expect(paths.sort()).toEqual(getRegistry().allMethods().map(({ method: m }) => m.name).sort());
    const tree = methodTree([server("queue", method("queue.list", "read"), method("queue.retry", "write"))]);
    expect(typeOf(tree, "queue", "list")).toBe("query");
    expect(typeOf(tree, "queue", "retry")).toBe("mutation");
  });

  it("types each procedure from its method's schemas (checked by the type-check)", () => {
    expectTypeOf<inferRouterInputs<AppRouter>["appointments"]["book"]>().toEqualTypeOf<z.input<typeof appointments.bookParams>>();
    expectTypeOf<inferRouterOutputs<AppRouter>["appointments"]["book"]>().toEqualTypeOf<z.output<typeof appointments.bookResult>>();
    expectTypeOf<inferRouterInputs<AppRouter>["retell"]["config"]["setApiKey"]>().toEqualTypeOf<z.input<typeof retellConfig.setApiKeyParams>>();
    expectTypeOf<inferRouterOutputs<AppRouter>["retell"]["config"]["setApiKey"]>().toEqualTypeOf<z.output<typeof retellConfig.apiKeyResult>>();
  });

  it("nests a server with a dot in its name next to the methods of the server above it, in either order", () => {
    const retell = server("retell", method("retell.listAgents", "read"));
    const config = server("retell.config", method("retell.config.setApiKey", "write"));
    expect(procedures(methodTree([retell, config]))).toEqual(["retell.config.setApiKey", "retell.listAgents"]);
    expect(procedures(methodTree([config, retell]))).toEqual(["retell.config.setApiKey", "retell.listAgents"]);
  });

  it("refuses a method whose name is also the name of a server below, in either order", () => {
    const retell = server("retell", method("retell.config", "read"));
    const config = server("retell.config", method("retell.config.setApiKey", "write"));
    expect(() => methodTree([retell, config])).toThrow(/collides/);
    expect(() => methodTree([config, retell])).toThrow(/collides/);
  });
});
