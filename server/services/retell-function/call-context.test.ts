import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCall } from "./call-context";
import { seededTestDb } from "@/server/testing/retell";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let branchId: string;
let customerId: string;

beforeAll(async () => {
  db = await seededTestDb();
  branchId = (await db.prisma.branch.findFirstOrThrow({ where: { companyId: db.companyId } })).id;
  customerId = (await db.prisma.customer.create({ data: { companyId: db.companyId, phone: "+4917011112222", name: "Anna" } })).id;
});
afterAll(() => db.close());

const callRow = (id: string) =>
  db.prisma.call.findUniqueOrThrow({
    where: { id },
    select: { companyId: true, retellCallId: true, branchId: true, fromNumber: true, toNumber: true, collectedData: true, customerId: true, outcome: true },
  });

describe("ensureCall", () => {
  it("creates the call row on first contact with its numbers, branch and the given fields", async () => {
    const { id } = await ensureCall(
      db.prisma,
      { companyId: db.companyId, callId: "call_first", branchId, fromNumber: "+4917011112222", toNumber: "+49301234567" },
      { collectedData: { fields: { kunde_name: "Anna" } }, outcome: "info" },
    );
    expect(await callRow(id)).toEqual({
      companyId: db.companyId,
      retellCallId: "call_first",
      branchId,
      fromNumber: "+4917011112222",
      toNumber: "+49301234567",
      collectedData: { fields: { kunde_name: "Anna" } },
      customerId: null,
      outcome: "info",
    });
  });

  it("sets the fields given later and keeps the others, numbers included", async () => {
    const ref = { companyId: db.companyId, callId: "call_later", fromNumber: "+4917011112222" };
    const { id } = await ensureCall(db.prisma, ref, { collectedData: { fields: { datum: "Montag" } } });
    const again = await ensureCall(db.prisma, { ...ref, fromNumber: "+4917099999999" }, { customerId, outcome: "booked" });
    expect(again.id).toBe(id);
    expect(await callRow(id)).toMatchObject({ fromNumber: "+4917011112222", collectedData: { fields: { datum: "Montag" } }, customerId, outcome: "booked" });
    await ensureCall(db.prisma, ref);
    expect(await callRow(id)).toMatchObject({ collectedData: { fields: { datum: "Montag" } }, customerId, outcome: "booked" });
  });

  it("gives parallel first contacts one row", async () => {
    const ids = await Promise.all(
      ["booked", "info", "none", "changed", "cancelled"].map((outcome) => ensureCall(db.prisma, { companyId: db.companyId, callId: "call_parallel" }, { outcome })),
    );
    expect(new Set(ids.map((r) => r.id)).size).toBe(1);
    expect(await db.prisma.call.count({ where: { retellCallId: "call_parallel" } })).toBe(1);
  });
});
