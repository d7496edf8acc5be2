/** The specification's request shapes, mapped onto ours before our own params schema validates them. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { callMethod, InvalidParamsError, type DoorContext } from "@/server/core/dispatch";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { getRegistry, Registry } from "@/server/core/registry";
import { fromSpecShape, SPEC_PARAM_ALIASES } from "@/server/core/spec-aliases";
import { defineMethod, defineServer, type MethodDef } from "@/server/core/types";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createDemoTenant, createOtherCompany, type Tenant } from "@/server/testing/tenants";

const NOW = new Date("2026-03-02T09:00:00Z");
let db: TestDb;
let demo: Tenant;
let other: Tenant;
beforeAll(async () => {
  db = await createTestDb();
  demo = await createDemoTenant(db.prisma, NOW);
  other = await createOtherCompany(db.prisma);
});
afterAll(async () => {
  await db.close();
});
beforeEach(() => {
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
});

const method = (name: string) => getRegistry().findMethod(name)!.method;
const shape = (name: string, params: unknown) => fromSpecShape(method(name), params);

/** A probe method that answers with the params it received after mapping and validation. */
function echoDoor(params: z.ZodType): DoorContext {
  const echo = defineMethod({ name: "probe.echo", description: "", params, result: z.looseObject({}), kind: "read", handler: async (_ctx, p) => ({ got: p }) });
  const registry = new Registry([defineServer({ name: "probe", version: "1", description: "", methods: [echo as MethodDef] })]);
  return { companyId: demo.companyId, actor: { type: "token", id: "t", allowedServers: ["probe"] }, correlationId: "c", db: db.prisma, now: () => NOW, registry };
}

describe("parameter aliases", () => {
  it("names only params the specification uses and maps them onto params the method really has", () => {
    for (const [name, aliases] of Object.entries(SPEC_PARAM_ALIASES)) {
      const properties = (z.toJSONSchema(method(name).params, { io: "input", unrepresentable: "any" }) as { properties: Record<string, { properties?: object }> }).properties;
      for (const alias of aliases) {
        const [head, nested] = alias.ours.split(".");
        expect(properties, `${name}: ${alias.ours}`).toHaveProperty(head!);
        if (nested) expect(properties[head!]!.properties, `${name}: ${alias.ours}`).toHaveProperty(nested);
      }
    }
  });

  it("renames phone_id and version_id, and reads a version given as text as a number", () => {
    expect(shape("retell.setPhoneNumberAgentVersion", { phone_id: "+493012345", agent_id: "a", version_id: "3" })).toEqual({ phone_number: "+493012345", agent_id: "a", version: 3 });
    expect(shape("retell.setPhoneNumberAgentVersion", { phone_id: "+493012345", agent_id: "a", version_id: "latest" })).toMatchObject({ version: "latest" });
  });

  it("renames booking_id for updating and cancelling a booking, numbers as text", () => {
    expect(shape("calcom.updateBooking", { booking_id: 4711, start: "x" })).toEqual({ booking_uid: "4711", start: "x" });
    expect(shape("calcom.cancelBooking", { booking_id: "uid-1", cancellation_reason: "krank" })).toEqual({ booking_uid: "uid-1", cancellation_reason: "krank" });
  });

  it("renames updates.is_enabled and leaves the other updates alone", () => {
    expect(shape("retell.config.updateCustomFunction", { function_id: 1, updates: { is_enabled: false, description: "x" } })).toEqual({
      function_id: "1",
      updates: { enabled: false, description: "x" },
    });
  });

  it("accepts the spec name and ours together when they agree, and refuses them when they differ", () => {
    expect(shape("calcom.cancelBooking", { booking_id: "u", booking_uid: "u" })).toEqual({ booking_uid: "u" });
    expect(() => shape("calcom.cancelBooking", { booking_id: "u", booking_uid: "v" })).toThrow(InvalidParamsError);
  });

  it("leaves the params of a method without aliases untouched", () => {
    const params = { phone: "+4930123", extra: { is_enabled: true } };
    expect(shape("appointments.find", params)).toBe(params);
  });
});

describe("the params.data envelope (§2.1)", () => {
  it("unwraps data into the params, so the method sees them instead of an empty object", async () => {
    const { data } = await callMethod("probe.echo", { company_id: demo.companyId, data: { phone: "+49301234567" } }, echoDoor(z.object({ phone: z.string() })));
    expect(data).toEqual({ got: { phone: "+49301234567" } });
  });

  it("keeps data for a method that has a param of that name", async () => {
    const { data } = await callMethod("probe.echo", { data: { a: 1 } }, echoDoor(z.object({ data: z.object({ a: z.number() }) })));
    expect(data).toEqual({ got: { data: { a: 1 } } });
  });

  it("refuses a field given inside and outside data with different values", async () => {
    await expect(callMethod("probe.echo", { phone: "1", data: { phone: "2" } }, echoDoor(z.object({ phone: z.string() })))).rejects.toBeInstanceOf(InvalidParamsError);
  });

  it("never lets a company_id inside data act for another company", async () => {
    const err = await callMethod("branch.list", { data: { company_id: other.companyId } }, {
      companyId: demo.companyId,
      actor: { type: "token", id: "t", allowedServers: ["branch"] },
      correlationId: "c",
      db: db.prisma,
      now: () => NOW,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(ErrorCodes.FORBIDDEN);
    expect((err as AppError).details).toEqual({ reason: "company_mismatch" });
  });

  it("does not let an inherited property name count as a conflict", () => {
    expect(shape("appointments.find", { data: { phone: "+4930123", constructor: "x" } })).toMatchObject({ phone: "+4930123" });
  });
});
