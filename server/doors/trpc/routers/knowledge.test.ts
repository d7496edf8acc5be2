/** Wissen through tRPC: everyone reads and searches, admins write, each company only its own entries. */
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "@/server/doors/trpc/root";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import type { KnowledgeEntryDto } from "@/server/services/knowledge/schemas";
import { seedDemo } from "@/server/seed/demo";
import { seedOtherDemoCompany } from "@/server/seed/other-company";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";

let testDb: TestDb;
let admin: Session;
let staff: Session;
let otherAdmin: Session;
let otherBranchId: string;

const call = (path: string, session: Session, input?: unknown, mutation = false) =>
  callTrpc(appRouter, path, session, input, { db: testDb.prisma, mutation });

type Entries = { entries: KnowledgeEntryDto[]; total: number };
type Search = { results: Array<{ source: string; title: string }>; answer: string | null };

beforeAll(async () => {
  testDb = await createTestDb();
  const demoId = await seedDemo(testDb.prisma, { now: new Date("2026-03-10T08:00:00Z") });
  ({ admin, staff } = await sessionsOf(testDb.prisma, demoId));
  const otherId = await seedOtherDemoCompany(testDb.prisma);
  otherAdmin = (await sessionsOf(testDb.prisma, otherId)).admin;
  otherBranchId = (await testDb.prisma.branch.findFirstOrThrow({ where: { companyId: otherId } })).id;
});

beforeEach(() => setCache(new MemoryCache()));

afterAll(async () => {
  await testDb?.close();
});

describe("Wissen", () => {
  it("lets staff list and search the seeded entries", async () => {
    const listed = await call("knowledge.list", staff, {});
    expect((listed.data as Entries).entries.map((e) => e.title)).toEqual(["Gutscheine", "Parken", "Zahlungsarten"]); // by category, then title

    const found = await call("knowledge.search", staff, { query: "Kann ich mit Karte bezahlen?" });
    expect((found.data as Search).results[0]).toMatchObject({ source: "knowledge", title: "Zahlungsarten" });
    expect((found.data as Search).answer).toBe("Sie können bar, mit EC-Karte oder mit Kreditkarte bezahlen.");
  });

  it("refuses writes to staff", async () => {
    const res = await call("knowledge.upsert", staff, { title: "Hund", content: "Hunde sind willkommen." }, true);
    expect(res.status).toBe(403);
    expect((await call("knowledge.list", staff, {})).data).toMatchObject({ total: 3 });
  });

  it("lets admins create, edit, deactivate and delete an entry", async () => {
    const created = await call("knowledge.upsert", admin, { category: "service", title: "Hunde", content: "Hunde sind willkommen.", keywords: ["hund"] }, true);
    expect(created.data).toMatchObject({ created: true, entry: { title: "Hunde", is_active: true, branch_id: null } });
    const id = (created.data as { entry: KnowledgeEntryDto }).entry.id;
    expect(((await call("knowledge.search", staff, { query: "Darf mein Hund mit?" })).data as Search).results[0]?.title).toBe("Hunde");

    const edited = await call("knowledge.upsert", admin, { id, category: "service", title: "Hunde", content: "Nur kleine Hunde.", keywords: ["hund"], is_active: false }, true);
    expect(edited.data).toMatchObject({ created: false, entry: { content: "Nur kleine Hunde.", is_active: false } });
    expect(((await call("knowledge.list", staff, {})).data as Entries).total).toBe(3);
    expect(((await call("knowledge.list", staff, { include_inactive: true })).data as Entries).total).toBe(4);

    expect((await call("knowledge.delete", admin, { id }, true)).data).toEqual({ deleted: true });
    expect(((await call("knowledge.list", staff, { include_inactive: true })).data as Entries).total).toBe(3);
  });

  it("answers a form with German field errors from the method's schema", async () => {
    const res = await call("knowledge.upsert", admin, { title: " ", content: "x", keywords: ["ok", "x".repeat(51)] }, true);
    expect(res.status).toBe(400);
    expect(res.error?.data.issues).toEqual([
      { path: "title", message: "Bitte einen Titel angeben." },
      { path: "keywords.1", message: "Ein Stichwort hat höchstens 50 Zeichen." },
    ]);
  });

  it("keeps companies apart", async () => {
    const salonEntry = ((await call("knowledge.list", admin, {})).data as Entries).entries[0]!;

    expect((await call("knowledge.list", otherAdmin, {})).data).toEqual({ entries: [], total: 0 });
    expect(((await call("knowledge.search", otherAdmin, { query: "Parken Parkplatz" })).data as Search).results.some((r) => r.source === "knowledge")).toBe(false);
    expect((await call("knowledge.upsert", otherAdmin, { id: salonEntry.id, title: "Übernommen", content: "x" }, true)).status).toBe(404);
    expect((await call("knowledge.delete", otherAdmin, { id: salonEntry.id }, true)).status).toBe(404);
    // A salon entry cannot be tied to the other company's branch.
    const foreignBranch = await call("knowledge.upsert", admin, { title: "Fremd", content: "x", branch_id: otherBranchId }, true);
    expect(foreignBranch.error?.message).toBe("Die Filiale wurde nicht gefunden.");
    expect(((await call("knowledge.list", admin, {})).data as Entries).entries.map((e) => e.title)).toContain(salonEntry.title);
  });

  it("offers the company's branches for the form", async () => {
    const res = await call("branch.list", staff, {});
    expect((res.data as { branches: Array<{ name: string }> }).branches.map((b) => b.name)).toEqual(["Salon Schönschnitt Mitte", "Salon Schönschnitt Prenzlauer Berg"]);
  });
});
