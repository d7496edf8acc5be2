/**
 * GET /api/export over real HTTP: an admin session or a token allowed database.export gets its
 * own company's data as a download (JSON with every entity, CSV per entity for German Excel)
 * with a filename of slug and date; staff, missing or unknown tokens and tokens without the
 * database grant are refused; each download leaves an audit row; nothing secret goes out.
 */
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { flushWriteBehind } from "@/server/platform/write-behind";
import { EXPORT_ENTITY_NAMES } from "@/server/services/database/entities";
import { SECRET_MARKERS, seedStatisticsCompany, TRICKY_NOTES, type StatisticsCompany } from "@/server/testing/database-fixtures";
import { queryCounter } from "@/server/testing/query-counter";
import { FIXED_NOW, seededTestDb } from "@/server/testing/retell";
import { serveFetchHandler, type ServedHandler } from "@/server/testing/serve";
import { sessionFor } from "@/server/testing/trpc";
import { createApiToken } from "@/server/services/tokens";
import { exportDoor } from "./export-door";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let mine: StatisticsCompany;
let app: ServedHandler;
/** The session the next request carries (as next-auth would read it from the cookie). */
let session: Session | null = null;

function adminOf(companyId: string, role: "admin" | "staff" = "admin"): Session {
  return sessionFor({ id: `${role}-user`, name: "Chefin", email: `${role}@example.org`, role }, companyId);
}

function get(query: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.url}/api/export${query}`, { headers });
}

async function auditRows() {
  await flushWriteBehind();
  return db.prisma.auditLog.findMany({ where: { companyId: mine.companyId, method: "database.export" }, orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  setRateLimiter(new MethodRateLimiter());
  db = await seededTestDb();
  mine = await seedStatisticsCompany(db.prisma);
  app = await serveFetchHandler((request) => exportDoor(request, { session: async () => session, db: db.prisma, now: () => FIXED_NOW }));
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe("GET /api/export", () => {
  it("streams the whole company as one JSON document to an admin's session", async () => {
    session = adminOf(mine.companyId);
    const res = await get("?format=json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="askproai-praxis-zahlen-2026-03-11.json"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();
    const doc = JSON.parse(text) as { entities: Record<string, Array<{ id?: string }>> };
    expect(Object.keys(doc.entities)).toEqual(EXPORT_ENTITY_NAMES);
    expect(doc.entities.customers.map((c) => c.id).sort()).toEqual([mine.customerId, mine.trickyCustomerId].sort());
    expect(doc.entities.appointments).toHaveLength(7);
    for (const marker of Object.values(SECRET_MARKERS)) expect(text).not.toContain(marker);
    // The demo company's rows stay out.
    const demoCustomer = await db.prisma.customer.findFirstOrThrow({ where: { companyId: db.companyId } });
    expect(text).not.toContain(demoCustomer.id);
  });

  it("answers one entity as CSV for German Excel", async () => {
    session = adminOf(mine.companyId);
    const res = await get("?format=csv&entity=customers");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="askproai-praxis-zahlen-customers-2026-03-11.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("ID;Telefon;Name;E-Mail;Notizen");
    expect(text).toContain(`"${TRICKY_NOTES.replaceAll('"', '""')}"`);
  });

  it("refuses CSV without an entity and an unknown entity", async () => {
    session = adminOf(mine.companyId);
    const noEntity = await get("?format=csv");
    expect(noEntity.status).toBe(400);
    expect(await noEntity.json()).toEqual({ error: "Für CSV bitte einen Bereich angeben (entity=…)." });
    expect((await get("?format=csv&entity=passwords")).status).toBe(400);
  });

  it("refuses staff and visitors without a session", async () => {
    session = adminOf(mine.companyId, "staff");
    const staff = await get("?format=json");
    expect(staff.status).toBe(403);
    expect(await staff.json()).toEqual({ error: "Nur Administratoren dürfen die Daten exportieren." });
    session = null;
    expect((await get("?format=json")).status).toBe(401);
  });

  it("serves a token with the database grant its own company, whatever session is around", async () => {
    // A session of another company does not change whose data the token gets.
    session = adminOf(db.companyId);
    const res = await get("?format=json&entity=calls", { authorization: `Bearer ${mine.databaseToken}` });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { entities: Record<string, unknown[]> };
    expect(Object.keys(doc.entities)).toEqual(["calls"]);
    expect(doc.entities.calls).toHaveLength(5);
  });

  it("refuses a token without the database grant and an unknown token", async () => {
    session = null;
    const noGrant = await get("?format=json", { authorization: `Bearer ${mine.customerOnlyToken}` });
    expect(noGrant.status).toBe(403);
    expect(await noGrant.text()).not.toContain(mine.customerId);
    const unknown = await get("?format=json", { "x-mcp-token": `${mine.databaseToken.slice(0, -4)}abcd` });
    expect(unknown.status).toBe(401);
  });

  it("refuses a token with only the database's read grant: all customer data needs the explicit config:database", async () => {
    session = null;
    const readOnly = (await createApiToken(db.prisma, { companyId: mine.companyId, name: "Nur lesen", allowedServers: ["database:read"] })).token;
    const res = await get("?format=json", { authorization: `Bearer ${readOnly}` });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain(mine.customerId);
  });

  it("leaves one audit row per download, with who and what", async () => {
    session = adminOf(mine.companyId);
    const before = (await auditRows()).length;
    await (await get("?format=csv&entity=appointments")).text();
    await (await get("?format=json", { authorization: `Bearer ${mine.databaseToken}` })).text();
    const rows = (await auditRows()).slice(before);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actorType: "user", actorId: "admin-user", details: { door: "download", format: "csv", entity: "appointments" } });
    expect(rows[1]).toMatchObject({ actorType: "token", details: { door: "download", format: "json", entity: "all" } });
  });

  it("reads the next page only when the client took the last: a download cancelled early stops reading", async () => {
    const counter = await queryCounter(db.pglite);
    try {
      session = adminOf(mine.companyId);
      const deps = { session: async () => session, db: counter.prisma, now: () => FIXED_NOW };
      const full = await counter.count(async () => (await exportDoor(new Request("http://app/api/export?format=json"), deps)).text());
      const cancelled = await counter.count(async () => {
        const res = await exportDoor(new Request("http://app/api/export?format=json"), deps);
        const reader = res.body!.getReader();
        await reader.read();
        await reader.cancel();
      });
      const reads = (q: { operations: string[] }) => q.operations.filter((o) => o.endsWith("findMany")).length;
      expect(reads(full.queries)).toBeGreaterThanOrEqual(EXPORT_ENTITY_NAMES.length);
      expect(reads(cancelled.queries)).toBeLessThanOrEqual(2);
    } finally {
      await counter.close();
    }
  });

  it("counts downloads against the caller's database.export rate limit", async () => {
    setRateLimiter(new MethodRateLimiter({ limits: { "database.export": 2 } }));
    try {
      const auth = { authorization: `Bearer ${mine.databaseToken}` };
      expect((await get("?format=json&entity=tasks", auth)).status).toBe(200);
      expect((await get("?format=json&entity=tasks", auth)).status).toBe(200);
      const third = await get("?format=json&entity=tasks", auth);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await third.json()) as { error: string }).error).toMatch(/^Zu viele Anfragen/);
    } finally {
      setRateLimiter(new MethodRateLimiter());
    }
  });
});
