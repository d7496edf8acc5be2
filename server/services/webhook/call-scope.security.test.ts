/**
 * Retell call ids and webhook de-duplication keys belong to one company: the same call id
 * in another company's workspace is another call, neither refused nor taken as a duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCall, loadCollectedData, saveCollectedData } from "@/server/services/retell-function/call-context";
import { FIXED_NOW, seededTestDb } from "@/server/testing/retell";
import { recordRetellEvent } from "./record-event";
import { createOtherCompany } from "@/server/testing/tenants";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let otherId: string;

beforeAll(async () => {
  db = await seededTestDb();
  otherId = (await createOtherCompany(db.prisma)).companyId;
});
afterAll(() => db.close());

const event = (callId: string) => ({ event: "call_started", call: { call_id: callId, to_number: "+49301234567", from_number: "+4917099999999" } });

describe("call ids scoped by company", () => {
  it("stores the same call id's event for each company", async () => {
    const first = await recordRetellEvent(db.prisma, db.companyId, event("call_shared") as never, event("call_shared"), FIXED_NOW);
    const second = await recordRetellEvent(db.prisma, otherId, event("call_shared") as never, event("call_shared"), FIXED_NOW);
    expect(first.status).toBe("accepted");
    expect(second.status).toBe("accepted");
    // A real repeat within one company is still recognised.
    expect((await recordRetellEvent(db.prisma, otherId, event("call_shared") as never, event("call_shared"), FIXED_NOW)).status).toBe("duplicate");
  });

  it("keeps one call row per company and call id, each with its own data", async () => {
    const a = await ensureCall(db.prisma, { companyId: db.companyId, callId: "call_twice" });
    const b = await ensureCall(db.prisma, { companyId: otherId, callId: "call_twice" });
    expect(a.id).not.toBe(b.id);
    await saveCollectedData(db.prisma, { companyId: db.companyId, callId: "call_twice" }, { fields: { kunde_name: "Anna" } } as never);
    expect(await loadCollectedData(db.prisma, otherId, "call_twice")).toEqual({ fields: {} });
    expect(await db.prisma.call.count({ where: { retellCallId: "call_twice" } })).toBe(2);
  });
});
