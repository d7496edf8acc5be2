/**
 * phone.*: numbers normalised to E.164, one company per number on the whole install (refusals
 * name no company), company-scoped list/update/remove, the Retell import, audit rows, and the
 * Retell doors' number lookup seeing every write at once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callMethod, InvalidParamsError } from "@/server/core/dispatch";
import type { Actor } from "@/server/core/types";
import { startFakeRetell, FAKE_AGENT_IDS, FAKE_PHONE_NUMBER, type FakeRetell } from "@/server/integrations/fakes/retell-server";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { cachedCompanyFromNumber, resolveBranchFromContext } from "@/server/services/retell-function/resolve-owner";
import { DEMO_KEY, overrideEnv, seededTestDb } from "@/server/testing/retell";
import { createOtherCompany, type Tenant } from "@/server/testing/tenants";
import type { z } from "zod";
import type * as s from "./schemas";
import { ALREADY_ADDED_MESSAGE, INVALID_NUMBER_MESSAGE, TAKEN_MESSAGE } from "./schemas";

type PhoneDto = z.output<typeof s.phoneNumberSchema>;

const NEW_NUMBER = "+49307654321";
/** Held by the other company; also in the demo company's Retell workspace. */
const OTHER_NUMBER = "+49221987654";
/** Held by a third company (to compare refusals). */
const THIRD_NUMBER = "+4940123456";
/** In the demo's Retell workspace and nobody's yet. */
const FREE_RETELL_NUMBER = "+49891234567";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let retell: FakeRetell;
let restore: () => void;
let other: Tenant;
let third: Tenant;
let demoBranches: { id: string; name: string }[];

const admin: Actor = { type: "user", id: "admin-1", role: "admin" };
const staff: Actor = { type: "user", id: "staff-1", role: "staff" };

function call<T>(method: string, params: unknown, opts: { companyId?: string; actor?: Actor } = {}): Promise<T> {
  return callMethod(method, params, { companyId: opts.companyId ?? db.companyId, actor: opts.actor ?? admin, correlationId: "phone-test", db: db.prisma }).then(
    (r) => r.data as T,
  );
}

/** The refusal of a call: its class, message and field issues (for comparing shapes). */
async function refusal(method: string, params: unknown, companyId = db.companyId) {
  const err = await call(method, params, { companyId }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  return err as Error & { code?: number; issues?: Array<{ path: PropertyKey[]; message: string; input?: unknown }> };
}

beforeAll(async () => {
  db = await seededTestDb();
  retell = await startFakeRetell({ apiKey: DEMO_KEY });
  retell.state.addPhoneNumber(OTHER_NUMBER, "Köln", [{ agent_id: FAKE_AGENT_IDS.salon, agent_version: 0, weight: 1 }]);
  retell.state.addPhoneNumber(FREE_RETELL_NUMBER, "Filiale München", [
    { agent_id: FAKE_AGENT_IDS.praxis, agent_version: 1, weight: 0.3 },
    { agent_id: FAKE_AGENT_IDS.salon, agent_version: 1, weight: 0.7 },
  ]);
  restore = overrideEnv({ RETELL_API_BASE_URL: retell.url });
  other = await createOtherCompany(db.prisma);
  third = await createOtherCompany(db.prisma, { slug: "dritte-firma", name: "Dritte Firma GmbH", customerPhone: "+4917100000003" });
  await db.prisma.phoneNumber.create({ data: { companyId: other.companyId, branchId: other.branchId, number: OTHER_NUMBER } });
  await db.prisma.phoneNumber.create({ data: { companyId: third.companyId, number: THIRD_NUMBER } });
  demoBranches = await db.prisma.branch.findMany({ where: { companyId: db.companyId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  expect(demoBranches.length).toBeGreaterThanOrEqual(2);
});
afterAll(async () => {
  restore();
  await retell.close();
  await db.close();
});
beforeEach(() => {
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
  resetCircuits();
  configureResilience("retell", { initialDelayMs: 1, maxDelayMs: 2 });
});

describe("phone.add", () => {
  it.each([["030 7654321"], ["+49 30 7654321"], ["0049307654321"], ["+49 (0)30 765 43 21"]])("stores %s as +49307654321", async (typed) => {
    const { phone_number } = await call<{ phone_number: PhoneDto }>("phone.add", { number: typed, branch_id: demoBranches[0].id, label: " Empfang " });
    expect(phone_number).toMatchObject({ number: NEW_NUMBER, display: "+49 30 7654321", label: "Empfang", is_active: true, branch: { id: demoBranches[0].id } });
    const row = await db.prisma.phoneNumber.findUniqueOrThrow({ where: { number: NEW_NUMBER } });
    expect(row.companyId).toBe(db.companyId);
    await call("phone.remove", { id: row.id });
  });

  it("refuses an invalid number with a German message under the field and stores nothing", async () => {
    const before = await db.prisma.phoneNumber.count();
    for (const typed of ["123", "030 12", "kein Anschluss", ""]) {
      const err = await refusal("phone.add", { number: typed });
      expect(err).toBeInstanceOf(InvalidParamsError);
      expect(err.issues?.map((i) => [i.path.join("."), i.message])).toEqual([["number", typed === "" ? "Bitte eine Rufnummer angeben." : INVALID_NUMBER_MESSAGE]]);
    }
    expect(await db.prisma.phoneNumber.count()).toBe(before);
  });

  it("refuses a number another company holds as 'vergeben', naming no company, the same for every holder", async () => {
    const byOther = await refusal("phone.add", { number: "0221 987654", label: "Versuch" });
    const byThird = await refusal("phone.add", { number: "040 123456", label: "Versuch" });
    expect(byOther).toBeInstanceOf(InvalidParamsError);
    expect(byOther.issues?.map((i) => [i.path.join("."), i.message])).toEqual([["number", TAKEN_MESSAGE]]);
    // One shape whoever holds it: only the number itself differs.
    const shape = (e: typeof byOther) => JSON.stringify({ name: e.name, message: e.message, code: e.code, issues: e.issues?.map((i) => ({ ...i, input: undefined })) });
    expect(shape(byOther)).toBe(shape(byThird));
    for (const err of [byOther, byThird]) {
      const said = JSON.stringify({ message: err.message, issues: err.issues });
      for (const secret of ["Barbier", "barbier-koeln", other.companyId, "Dritte", "dritte-firma", third.companyId, "Köln"]) expect(said).not.toContain(secret);
    }
    // Still the other company's, untouched.
    const row = await db.prisma.phoneNumber.findUniqueOrThrow({ where: { number: OTHER_NUMBER } });
    expect([row.companyId, row.label]).toEqual([other.companyId, null]);
  });

  it("two companies adding the same number at once: one gets it, the other hears 'vergeben'", async () => {
    const number = "+49303333333";
    const outcomes = await Promise.allSettled([
      call<{ phone_number: PhoneDto }>("phone.add", { number }),
      call<{ phone_number: PhoneDto }>("phone.add", { number }, { companyId: third.companyId }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((lost.reason as InvalidParamsError).issues.map((i) => i.message)).toEqual([TAKEN_MESSAGE]);
    expect(await db.prisma.phoneNumber.count({ where: { number } })).toBe(1);
    await db.prisma.phoneNumber.delete({ where: { number } });
  });

  it("tells the company its own number is already added", async () => {
    const err = await refusal("phone.add", { number: "030 1234567" });
    expect(err.issues?.map((i) => i.message)).toEqual([ALREADY_ADDED_MESSAGE]);
  });

  it("refuses another company's branch as not found", async () => {
    await expect(call("phone.add", { number: "030 1111111", branch_id: other.branchId })).rejects.toMatchObject({ code: 3005 });
    expect(await db.prisma.phoneNumber.findUnique({ where: { number: "+49301111111" } })).toBeNull();
  });

  it("lets only admins write, and writes an audit row for each attempt", async () => {
    await expect(call("phone.add", { number: "030 2222222" }, { actor: staff })).rejects.toMatchObject({ code: 3006 });
    await expect(call("phone.list", {}, { actor: staff })).rejects.toMatchObject({ code: 3006 });
    const { phone_number } = await call<{ phone_number: PhoneDto }>("phone.add", { number: "030 2222222" });
    await refusal("phone.add", { number: "0221 987654" });
    const audit = await db.prisma.auditLog.findMany({ where: { companyId: db.companyId, method: "phone.add", actorId: { in: ["admin-1", "staff-1"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.actorId, a.outcome])).toEqual(expect.arrayContaining([["staff-1", "error"], ["admin-1", "success"], ["admin-1", "error"]]));
    await call("phone.remove", { id: phone_number.id });
    expect(await db.prisma.auditLog.count({ where: { companyId: db.companyId, method: "phone.remove", outcome: "success" } })).toBeGreaterThan(0);
  });
});

describe("phone.list / phone.update / phone.remove: only the company's own numbers", () => {
  it("lists the company's numbers with branch, label, state and agent, readable", async () => {
    const { numbers } = await call<{ numbers: PhoneDto[] }>("phone.list", {});
    expect(numbers.map((n) => n.number)).toEqual([FAKE_PHONE_NUMBER]);
    expect(numbers[0]).toMatchObject({ display: "+49 30 1234567", label: "Hauptnummer Mitte", is_active: true, retell_agent_id: "agent_demo_empfang", retell_agent_version: 1 });
    expect(numbers[0].branch?.name).toBeTruthy();
    const theirs = await call<{ numbers: PhoneDto[] }>("phone.list", {}, { companyId: other.companyId });
    expect(theirs.numbers.map((n) => n.number)).toEqual([OTHER_NUMBER]);
  });

  it("changes only the fields given", async () => {
    const { phone_number: added } = await call<{ phone_number: PhoneDto }>("phone.add", { number: NEW_NUMBER, label: "Zweitnummer", branch_id: demoBranches[0].id });
    const { phone_number: moved } = await call<{ phone_number: PhoneDto }>("phone.update", { id: added.id, branch_id: demoBranches[1].id });
    expect(moved).toMatchObject({ label: "Zweitnummer", is_active: true, branch: { id: demoBranches[1].id } });
    const { phone_number: paused } = await call<{ phone_number: PhoneDto }>("phone.update", { id: added.id, is_active: false, label: "", branch_id: null });
    expect(paused).toMatchObject({ label: null, is_active: false, branch: null });
    await call("phone.remove", { id: added.id });
    expect(await db.prisma.phoneNumber.findUnique({ where: { id: added.id } })).toBeNull();
  });

  it("answers another company's id with 'not found' and leaves it as it is", async () => {
    const theirs = await db.prisma.phoneNumber.findUniqueOrThrow({ where: { number: OTHER_NUMBER } });
    const unknown = await refusal("phone.update", { id: "does-not-exist", label: "x" });
    const foreign = await refusal("phone.update", { id: theirs.id, label: "Übernommen", is_active: false });
    expect(foreign).toMatchObject({ code: 3005, message: "Die Rufnummer wurde nicht gefunden." });
    expect([foreign.code, foreign.message]).toEqual([unknown.code, unknown.message]);
    await expect(call("phone.remove", { id: theirs.id })).rejects.toMatchObject({ code: 3005 });
    const after = await db.prisma.phoneNumber.findUniqueOrThrow({ where: { id: theirs.id } });
    expect([after.companyId, after.label, after.isActive]).toEqual([other.companyId, null, true]);
    // Nor may a branch of another company be set on an own number.
    const own = await db.prisma.phoneNumber.findUniqueOrThrow({ where: { number: FAKE_PHONE_NUMBER } });
    await expect(call("phone.update", { id: own.id, branch_id: other.branchId })).rejects.toMatchObject({ code: 3005 });
    expect((await db.prisma.phoneNumber.findUniqueOrThrow({ where: { id: own.id } })).branchId).toBe(own.branchId);
  });
});

describe("phone.listRetellNumbers / phone.importFromRetell", () => {
  it("marks the workspace's numbers as added here, taken (a flag only) or free", async () => {
    const { numbers } = await call<{ numbers: Array<Record<string, unknown>> }>("phone.listRetellNumbers", {});
    const known = new Set<unknown>([OTHER_NUMBER, FAKE_PHONE_NUMBER, FREE_RETELL_NUMBER]);
    expect(numbers.filter((n) => known.has(n.number))).toEqual([
      { number: OTHER_NUMBER, display: "+49 221 987654", nickname: "Köln", agent_id: FAKE_AGENT_IDS.salon, status: "taken" },
      { number: FAKE_PHONE_NUMBER, display: "+49 30 1234567", nickname: "Praxis Dr. Weber", agent_id: FAKE_AGENT_IDS.praxis, status: "added" },
      { number: FREE_RETELL_NUMBER, display: "+49 89 1234567", nickname: "Filiale München", agent_id: FAKE_AGENT_IDS.salon, status: "free" },
    ]);
    expect(retell.state.requestsTo("GET", "/v2/list-phone-numbers").at(-1)?.headers.authorization).toBe(`Bearer ${DEMO_KEY}`);
  });

  it("imports the chosen numbers, one result each, with Retell's nickname and agent", async () => {
    const branch = demoBranches[1];
    const { results, added } = await call<z.output<typeof s.importResult>>("phone.importFromRetell", {
      numbers: ["089 1234567", FAKE_PHONE_NUMBER, OTHER_NUMBER, "+49 30 7777777", "12", "+49 89 1234567"],
      branch_id: branch.id,
    });
    expect(added).toBe(1);
    expect(results.map((r) => [r.input, r.number, r.outcome])).toEqual([
      ["089 1234567", FREE_RETELL_NUMBER, "added"],
      [FAKE_PHONE_NUMBER, FAKE_PHONE_NUMBER, "already_added"],
      [OTHER_NUMBER, OTHER_NUMBER, "taken"],
      ["+49 30 7777777", "+49307777777", "not_in_retell"],
      ["12", null, "invalid"],
      ["+49 89 1234567", FREE_RETELL_NUMBER, "already_added"],
    ]);
    expect(results[2].message).toBe(TAKEN_MESSAGE);
    expect(JSON.stringify(results)).not.toContain(other.companyId);
    const row = await db.prisma.phoneNumber.findUniqueOrThrow({ where: { number: FREE_RETELL_NUMBER } });
    expect(row).toMatchObject({ id: results[0].id, companyId: db.companyId, branchId: branch.id, label: "Filiale München", retellAgentId: FAKE_AGENT_IDS.salon, retellAgentVersion: 1, isActive: true });
    expect((await db.prisma.phoneNumber.findUniqueOrThrow({ where: { number: OTHER_NUMBER } })).companyId).toBe(other.companyId);

    const { numbers } = await call<{ numbers: Array<{ number: string; status: string }> }>("phone.listRetellNumbers", {});
    expect(numbers.find((n) => n.number === FREE_RETELL_NUMBER)?.status).toBe("added");
    // Routed at once: the doors' lookup finds the imported number with its branch.
    expect(await cachedCompanyFromNumber(db.prisma, "089 1234567")).toMatchObject({ companyId: db.companyId, branchId: branch.id });
    await call("phone.remove", { id: row.id });
  });

  it("without a Retell key: 1001, telling to enter one first", async () => {
    const err = await refusal("phone.listRetellNumbers", {}, other.companyId);
    expect(err.code).toBe(1001);
    expect(err.message).toContain("Retell-API-Schlüssel");
    await expect(call("phone.importFromRetell", { numbers: [FREE_RETELL_NUMBER] }, { companyId: other.companyId })).rejects.toMatchObject({ code: 1001 });
    expect(await db.prisma.phoneNumber.findUnique({ where: { number: FREE_RETELL_NUMBER } })).toBeNull();
  });
});

describe("the phone path sees every write at once", () => {
  it("a number added is found by the doors' lookup and its branch right after", async () => {
    expect(await cachedCompanyFromNumber(db.prisma, NEW_NUMBER)).toBeNull();
    const { phone_number } = await call<{ phone_number: PhoneDto }>("phone.add", { number: "030 7654321", branch_id: demoBranches[1].id });
    expect(await cachedCompanyFromNumber(db.prisma, NEW_NUMBER)).toMatchObject({ companyId: db.companyId, branchId: demoBranches[1].id });
    const branch = await resolveBranchFromContext(db.prisma, db.companyId, { our_number: NEW_NUMBER });
    expect(branch.id).toBe(demoBranches[1].id);
    await call("phone.remove", { id: phone_number.id });
  });

  it("a cached lookup follows a move, a pause and a removal without waiting for its TTL", async () => {
    const { phone_number } = await call<{ phone_number: PhoneDto }>("phone.add", { number: NEW_NUMBER, branch_id: demoBranches[0].id });
    // Cached now (30 s): without invalidation the next lookups would still answer this.
    expect(await cachedCompanyFromNumber(db.prisma, NEW_NUMBER)).toMatchObject({ branchId: demoBranches[0].id });

    await call("phone.update", { id: phone_number.id, branch_id: demoBranches[1].id });
    expect(await cachedCompanyFromNumber(db.prisma, NEW_NUMBER)).toMatchObject({ companyId: db.companyId, branchId: demoBranches[1].id });

    await call("phone.update", { id: phone_number.id, is_active: false });
    expect(await cachedCompanyFromNumber(db.prisma, NEW_NUMBER)).toBeNull();
    await call("phone.update", { id: phone_number.id, is_active: true });
    expect(await cachedCompanyFromNumber(db.prisma, NEW_NUMBER)).toMatchObject({ companyId: db.companyId });

    await call("phone.remove", { id: phone_number.id });
    expect(await cachedCompanyFromNumber(db.prisma, NEW_NUMBER)).toBeNull();

    // Free again: another company may now add it, and calls go there at once.
    await call("phone.add", { number: NEW_NUMBER }, { companyId: other.companyId });
    expect(await cachedCompanyFromNumber(db.prisma, NEW_NUMBER)).toMatchObject({ companyId: other.companyId });
  });
});

describe("the Agenten page's binding still works on numbers added here", () => {
  it("binds an added number through retell.setPhoneNumberAgentVersion", async () => {
    await call("phone.importFromRetell", { numbers: [FREE_RETELL_NUMBER] });
    await call("retell.setPhoneNumberAgentVersion", { phone_number: "089 1234567", agent_id: FAKE_AGENT_IDS.praxis, version: 2 });
    const { numbers } = await call<{ numbers: PhoneDto[] }>("phone.list", {});
    expect(numbers.find((n) => n.number === FREE_RETELL_NUMBER)).toMatchObject({ retell_agent_id: FAKE_AGENT_IDS.praxis, retell_agent_version: 2 });
  });
});
