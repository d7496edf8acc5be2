import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/server/core/errors";
import { seededTestDb, testContext } from "@/server/testing/retell";
import type { ServiceContext } from "@/server/core/types";
import { deleteKnowledge, listKnowledge, searchKnowledge, upsertKnowledge } from "./service";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let ctx: ServiceContext;
let mitte: string;
let prenzlberg: string;

beforeAll(async () => {
  db = await seededTestDb();
  ctx = testContext(db.prisma, db.companyId);
  const branches = await db.prisma.branch.findMany({ where: { companyId: db.companyId }, orderBy: { createdAt: "asc" } });
  [mitte, prenzlberg] = branches.map((b) => b.id);
});
afterAll(() => db.close());

const search = (query: string, branch_id?: string) => searchKnowledge(ctx, { query, branch_id, limit: 3 });

describe("knowledge.search", () => {
  it("answers a parking question from the entry of the caller's branch, matching word stems", async () => {
    const { answer, results } = await search("Kann man bei Ihnen irgendwo parken?", mitte);
    expect(answer).toContain("Parkplätze");
    expect(results[0].source).toBe("knowledge");
  });

  it("does not offer another branch's entry", async () => {
    const { results } = await search("Wo kann ich parken?", prenzlberg);
    expect(results.every((r) => !r.content.includes("Friedrichstraße 120, Einfahrt"))).toBe(true);
  });

  it("reads opening hours from the branch's business hours, not from a copy", async () => {
    const first = await search("Wann haben Sie geöffnet?", mitte);
    expect(first.answer).toBe(
      "Salon Schönschnitt Mitte hat geöffnet: Montag bis Mittwoch 09:00 bis 18:00 Uhr, Donnerstag 09:00 bis 20:00 Uhr, Freitag 09:00 bis 18:00 Uhr, Samstag 09:00 bis 14:00 Uhr, Sonntag geschlossen.",
    );
    await db.prisma.branch.update({ where: { id: mitte }, data: { businessHours: { weekly: { 1: [{ open: "08:00", close: "12:00" }] } } } });
    const changed = await search("Öffnungszeiten?", mitte);
    expect(changed.answer).toContain("Montag 08:00 bis 12:00 Uhr, Dienstag bis Sonntag geschlossen");
  });

  it("reads prices from the services table", async () => {
    const { answer } = await search("Was kostet ein Herrenhaarschnitt?", mitte);
    expect(answer).toBe("Herrenhaarschnitt kostet 29 Euro und dauert etwa 30 Minuten.");
    await db.prisma.service.updateMany({ where: { companyId: db.companyId, name: "Herrenhaarschnitt" }, data: { priceCents: 3150 } });
    expect((await search("Preis Herrenhaarschnitt", mitte)).answer).toContain("31,50 Euro");
  });

  it("gives the address of the branch", async () => {
    expect((await search("Wo finde ich Sie?", mitte)).answer).toBe(
      "Salon Schönschnitt Mitte finden Sie in der Friedrichstraße 120, 10117 Berlin.",
    );
  });

  it("has no answer for an unrelated question", async () => {
    const { answer } = await search("Verkaufen Sie auch Fahrräder?", mitte);
    expect(answer).toBeNull();
  });

  it("refuses a branch of another company", async () => {
    const other = await db.prisma.company.create({ data: { slug: "other", name: "Andere", branches: { create: { name: "X" } } }, include: { branches: true } });
    await expect(search("parken", other.branches[0].id)).rejects.toBeInstanceOf(AppError);
  });
});

describe("knowledge.upsert / list / delete", () => {
  it("creates, finds, changes and deletes an entry of the company", async () => {
    const { entry, created } = await upsertKnowledge(ctx, {
      branch_id: null,
      category: "service",
      title: "Hunde",
      content: "Hunde sind bei uns herzlich willkommen.",
      keywords: ["hund", "haustier"],
      is_active: true,
    });
    expect(created).toBe(true);
    expect((await search("Darf ich meinen Hund mitbringen?")).answer).toBe("Hunde sind bei uns herzlich willkommen.");

    await upsertKnowledge(ctx, { ...entry, id: entry.id, branch_id: null, is_active: false, content: "Leider keine Hunde." });
    expect((await search("Hund mitbringen?")).answer).toBeNull();
    expect((await listKnowledge(ctx, { include_inactive: true })).entries.find((e) => e.id === entry.id)?.content).toBe("Leider keine Hunde.");
    expect((await listKnowledge(ctx, { include_inactive: false })).entries.some((e) => e.id === entry.id)).toBe(false);

    expect(await deleteKnowledge(ctx, { id: entry.id })).toEqual({ deleted: true });
    await expect(deleteKnowledge(ctx, { id: entry.id })).rejects.toMatchObject({ code: 3005 });
  });

  it("cannot touch another company's entry", async () => {
    const other = await db.prisma.company.create({ data: { slug: "other2", name: "Andere 2" } });
    const foreign = await db.prisma.knowledgeEntry.create({ data: { companyId: other.id, title: "Geheim", content: "x" } });
    await expect(deleteKnowledge(ctx, { id: foreign.id })).rejects.toMatchObject({ code: 3005 });
    await expect(
      upsertKnowledge(ctx, { id: foreign.id, branch_id: null, category: "a", title: "t", content: "c", keywords: [], is_active: true }),
    ).rejects.toMatchObject({ code: 3005 });
    expect((await db.prisma.knowledgeEntry.findUnique({ where: { id: foreign.id } }))?.title).toBe("Geheim");
  });
});
