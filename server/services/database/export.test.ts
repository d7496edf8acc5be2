/**
 * The export: every entity of the company and nothing of another, read in pages by cursor
 * (each row exactly once, also for the composite key of staffServices), no secret column or
 * value, CSV for German Excel (BOM, `;`, quoting of separators, quotes and line breaks), and
 * database.export over callMethod (admin only, pages with a cursor, one audit row per call).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callMethod } from "@/server/core/dispatch";
import { ErrorCodes } from "@/server/core/errors";
import type { Actor } from "@/server/core/types";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { flushWriteBehind } from "@/server/platform/write-behind";
import { SECRET_MARKERS, seedStatisticsCompany, TRICKY_NOTES, type StatisticsCompany } from "@/server/testing/database-fixtures";
import { FIXED_NOW, seededTestDb } from "@/server/testing/retell";
import { csvField, CSV_BOM } from "./csv";
import { EXPORT_ENTITIES, EXPORT_ENTITY_NAMES, type ExportEntityName } from "./entities";
import { entityPages, exportChunks } from "./export";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let mine: StatisticsCompany;

const admin: Actor = { type: "user", id: "admin-1", role: "admin" };

async function collect(chunks: AsyncGenerator<string>): Promise<{ text: string; pieces: number }> {
  let text = "";
  let pieces = 0;
  for await (const chunk of chunks) {
    text += chunk;
    pieces++;
  }
  return { text, pieces };
}

/** Rows of the company per entity, counted by the database itself. */
async function countsOf(prisma: PrismaClient, companyId: string): Promise<Record<ExportEntityName, number>> {
  const entries = await Promise.all(EXPORT_ENTITY_NAMES.map(async (name) => [name, await EXPORT_ENTITIES[name].count(prisma, companyId)] as const));
  return Object.fromEntries(entries) as Record<ExportEntityName, number>;
}

function exportCall<T>(params: unknown, actor: Actor = admin): Promise<T> {
  return callMethod("database.export", params, { companyId: mine.companyId, actor, correlationId: "export-test", db: db.prisma, now: () => FIXED_NOW }).then(
    (r) => r.data as T,
  );
}

beforeAll(async () => {
  db = await seededTestDb();
  mine = await seedStatisticsCompany(db.prisma);
});

afterAll(async () => {
  await db?.close();
});

describe("the JSON export", () => {
  it("holds every entity with every row of the company and none of another", async () => {
    const { text } = await collect(exportChunks(db.prisma, mine.companyId, { format: "json" }, FIXED_NOW, 2));
    const doc = JSON.parse(text) as { format: string; exported_at: string; entities: Record<string, Array<Record<string, unknown>>> };
    expect(doc.format).toBe("askproai-export");
    expect(doc.exported_at).toBe(FIXED_NOW.toISOString());
    expect(Object.keys(doc.entities)).toEqual(EXPORT_ENTITY_NAMES);

    const counts = await countsOf(db.prisma, mine.companyId);
    for (const name of EXPORT_ENTITY_NAMES) expect(doc.entities[name], name).toHaveLength(counts[name]);
    expect(counts).toMatchObject({ company: 1, customers: 2, appointments: 7, calls: 5, staffServices: 3, users: 1, apiTokens: 3, retellConfiguration: 1 });
    // Each row once: ids are unique across the pages.
    expect(new Set(doc.entities.appointments.map((a) => a.id))).toEqual(new Set(mine.appointmentIds));
    expect(new Set(doc.entities.staffServices.map((s) => `${String(s.staffId)}|${String(s.serviceId)}`)).size).toBe(3);

    // The demo company has customers, appointments and calls of its own: none of them is here.
    const demoIds = [
      ...(await db.prisma.customer.findMany({ where: { companyId: db.companyId }, select: { id: true } })),
      ...(await db.prisma.appointment.findMany({ where: { companyId: db.companyId }, select: { id: true } })),
      ...(await db.prisma.user.findMany({ where: { companyId: db.companyId }, select: { id: true } })),
    ].map((r) => r.id);
    expect(demoIds.length).toBeGreaterThan(3);
    for (const id of demoIds) expect(text).not.toContain(id);
    expect(doc.entities.company).toEqual([expect.objectContaining({ id: mine.companyId, slug: mine.slug })]);
  });

  it("contains no secret: no encrypted key, password or token hash, neither as column nor as value", async () => {
    const { text } = await collect(exportChunks(db.prisma, mine.companyId, { format: "json" }, FIXED_NOW));
    for (const marker of Object.values(SECRET_MARKERS)) expect(text).not.toContain(marker);
    const tokenHashes = await db.prisma.apiToken.findMany({ where: { companyId: mine.companyId }, select: { tokenHash: true } });
    for (const { tokenHash } of tokenHashes) expect(text).not.toContain(tokenHash);
    const columns = EXPORT_ENTITY_NAMES.flatMap((name) => EXPORT_ENTITIES[name].columns);
    expect(columns.filter((c) => /enc$|hash|secret|^headers$|^sessionVersion$/i.test(c))).toEqual([]);
  });

  it("writes the document in pieces as it reads pages, not at once", async () => {
    const { pieces } = await collect(exportChunks(db.prisma, mine.companyId, { format: "json" }, FIXED_NOW, 2));
    // Opening, per entity an opening and a closing, the pages, the end.
    expect(pieces).toBeGreaterThan(2 * EXPORT_ENTITY_NAMES.length + 2);
    let pages = 0;
    for await (const rows of entityPages(db.prisma, mine.companyId, "appointments", 3)) {
      expect(rows.length).toBeLessThanOrEqual(3);
      pages++;
    }
    expect(pages).toBe(3);
  });
});

describe("the CSV export", () => {
  it("quotes fields holding the separator, quotes or line breaks", () => {
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField('sagt "hallo"')).toBe('"sagt ""hallo"""');
    expect(csvField("Zeile 1\nZeile 2")).toBe('"Zeile 1\nZeile 2"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvField("schlicht")).toBe("schlicht");
    expect(csvField(null)).toBe("");
    expect(csvField(true)).toBe("ja");
    expect(csvField(new Date("2026-03-10T09:00:00.000Z"))).toBe("2026-03-10T09:00:00.000Z");
    expect(csvField({ a: "x;y" })).toBe('"{""a"":""x;y""}"');
  });

  it("makes text that Excel would run as a formula plain text, and keeps phone numbers", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("@SUMME(A1)")).toBe("'@SUMME(A1)");
    expect(csvField("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvField("+cmd|x")).toBe("'+cmd|x");
    expect(csvField("+4917112345670")).toBe("+4917112345670");
    expect(csvField("-12,5")).toBe("-12,5");
    expect(csvField(-3)).toBe("-3");
  });

  it("writes one entity for German Excel: BOM, German header, `;`, CRLF, dates in ISO", async () => {
    const { text } = await collect(exportChunks(db.prisma, mine.companyId, { format: "csv", entity: "customers" }, FIXED_NOW, 1));
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const header = text.slice(CSV_BOM.length, text.indexOf("\r\n"));
    expect(header.split(";").slice(0, 4)).toEqual(["ID", "Telefon", "Name", "E-Mail"]);
    expect(header).toContain("Angelegt am");
    const tricky = await db.prisma.customer.findUniqueOrThrow({ where: { id: mine.trickyCustomerId } });
    expect(text).toContain(`${tricky.id};+4915100000002;"Dora; Dreher";;"${TRICKY_NOTES.replaceAll('"', '""')}";0;0;nein;nein;;;;${tricky.createdAt.toISOString()};`);
    // Header, two customers; the line break inside the quoted notes is not a row.
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(3);
  });

  it("is refused without an entity", async () => {
    await expect(collect(exportChunks(db.prisma, mine.companyId, { format: "csv" }, FIXED_NOW))).rejects.toMatchObject({ code: ErrorCodes.INVALID_INPUT });
  });
});

describe("database.export over callMethod", () => {
  it("lists every entity with its count and the download address", async () => {
    const result = await exportCall<{ entities: Array<{ name: string; label: string; count: number }>; download_url: string; next_cursor: null }>({ entity: "all" });
    expect(result.entities.map((e) => e.name)).toEqual(EXPORT_ENTITY_NAMES);
    expect(result.entities.find((e) => e.name === "customers")).toEqual({ name: "customers", label: "Kundschaft", count: 2 });
    expect(result.download_url).toMatch(/\/api\/export\?format=json$/);
    expect(result.next_cursor).toBeNull();
  });

  it("pages one entity by cursor until next_cursor is null", async () => {
    type Page = { rows: Array<{ id: string }>; next_cursor: string | null };
    const seen: string[] = [];
    let cursor: string | undefined;
    let calls = 0;
    do {
      const page: Page = await exportCall<Page>({ entity: "appointments", limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.next_cursor ?? undefined;
      calls++;
    } while (cursor);
    expect(calls).toBe(3);
    expect(seen.sort()).toEqual([...mine.appointmentIds].sort());
  });

  it("answers CSV pages without the byte order mark, and refuses staff", async () => {
    const page = await exportCall<{ csv: string; download_url: string }>({ entity: "customers", format: "csv", limit: 5 });
    expect(page.csv.startsWith("ID;Telefon;")).toBe(true);
    expect(page.download_url).toMatch(/format=csv&entity=customers$/);
    const refused = await exportCall({ entity: "customers" }, { type: "user", id: "staff-1", role: "staff" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: ErrorCodes.FORBIDDEN });
  });

  it("leaves an audit row for each export call", async () => {
    await flushWriteBehind();
    const before = await db.prisma.auditLog.count({ where: { companyId: mine.companyId, method: "database.export" } });
    await exportCall({ entity: "calls", limit: 2 });
    await flushWriteBehind();
    const rows = await db.prisma.auditLog.findMany({ where: { companyId: mine.companyId, method: "database.export" }, orderBy: { createdAt: "desc" } });
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]).toMatchObject({ actorType: "user", actorId: "admin-1", details: expect.objectContaining({ entity: "calls", rows: 2 }) });
  });
});
