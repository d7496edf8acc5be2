/**
 * The app's own error store on PGlite: occurrences grouped by fingerprint and counted, stored
 * scrubbed, bounded, written behind (a failing database never breaks the caller), and an
 * unexpected error inside a method lands there through callMethod without its phone number.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { callMethod } from "@/server/core/dispatch";
import { Registry } from "@/server/core/registry";
import { defineMethod, defineServer } from "@/server/core/types";
import { PHONE_PLACEHOLDER } from "@/server/platform/error-scrub";
import { reportRequestError, reportUnexpectedError } from "@/server/platform/error-report";
import { describeOccurrence, MAX_ERROR_GROUPS, pruneErrorEvents, writeErrorOccurrences } from "@/server/platform/error-store";
import { flushWriteBehind } from "@/server/platform/write-behind";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createOtherCompany, type Tenant } from "@/server/testing/tenants";

let db: TestDb;
let company: Tenant;
const at = (iso: string) => new Date(iso);

/** An error thrown from one place in code, so occurrences share their top frame. */
function bookingFailure(message: string): Error {
  return new Error(message);
}

beforeAll(async () => {
  db = await createTestDb();
  company = await createOtherCompany(db.prisma);
});
afterAll(async () => {
  await flushWriteBehind();
  await db.close();
});
beforeEach(async () => {
  await db.prisma.errorEvent.deleteMany();
});

describe("grouping and counting", () => {
  it("counts repeats of one error into one group whose numbers and ids differ, and keeps the newest occurrence", async () => {
    await writeErrorOccurrences(db.prisma, [
      describeOccurrence({ error: bookingFailure("Slot 17 for appointment cm3abc123def456ghi is gone"), companyId: company.companyId, where: "appointments.book", at: at("2026-11-28T10:00:00Z") }),
      describeOccurrence({ error: bookingFailure("Slot 18 for appointment cm3zzz999yyy888xxx is gone"), companyId: company.companyId, where: "appointments.book", at: at("2026-11-28T11:00:00Z") }),
    ]);
    await writeErrorOccurrences(db.prisma, [
      describeOccurrence({ error: bookingFailure("Slot 19 for appointment cm3qqq777www666eee is gone"), companyId: company.companyId, where: "appointments.book", at: at("2026-11-28T12:00:00Z") }),
    ]);
    const rows = await db.prisma.errorEvent.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      companyId: company.companyId,
      count: 3,
      status: "unresolved",
      culprit: "appointments.book",
      title: "Error: Slot 19 for appointment cm3qqq777www666eee is gone",
      firstSeen: at("2026-11-28T10:00:00Z"),
      lastSeen: at("2026-11-28T12:00:00Z"),
    });
    expect((rows[0]!.lastEvent as { message: string }).message).toContain("Slot 19");
  });

  it("keeps different errors, and the same error of another company or of the system, apart", async () => {
    const when = at("2026-11-28T10:00:00Z");
    await writeErrorOccurrences(db.prisma, [
      describeOccurrence({ error: bookingFailure("Slot 1 is gone"), companyId: company.companyId, at: when }),
      describeOccurrence({ error: new TypeError("Cannot read properties of undefined (reading 'id')"), companyId: company.companyId, at: when }),
      describeOccurrence({ error: bookingFailure("Slot 1 is gone"), companyId: null, at: when }),
    ]);
    expect(await db.prisma.errorEvent.count()).toBe(3);
  });

  it("writes the other groups of a batch when one cannot be written", async () => {
    const when = at("2026-11-28T10:00:00Z");
    await writeErrorOccurrences(db.prisma, [
      describeOccurrence({ error: bookingFailure("Slot 1 is gone"), companyId: "company-deleted-meanwhile", at: when }),
      describeOccurrence({ error: bookingFailure("Slot 1 is gone"), companyId: company.companyId, at: when }),
    ]);
    expect(await db.prisma.errorEvent.findMany({ select: { companyId: true } })).toEqual([{ companyId: company.companyId }]);
  });

  it("opens a resolved group again when its error comes back", async () => {
    const occurrence = (iso: string) => describeOccurrence({ error: bookingFailure("Slot 1 is gone"), companyId: company.companyId, at: at(iso) });
    await writeErrorOccurrences(db.prisma, [occurrence("2026-11-28T10:00:00Z")]);
    await db.prisma.errorEvent.updateMany({ data: { status: "resolved" } });
    await writeErrorOccurrences(db.prisma, [occurrence("2026-11-28T11:00:00Z")]);
    expect(await db.prisma.errorEvent.findFirstOrThrow()).toMatchObject({ status: "unresolved", count: 2 });
  });
});

describe("scrubbing", () => {
  it("stores title, message, stack and cause without phone numbers or e-mail addresses", async () => {
    const error = new Error("No customer for 0171 1234567 or erika@beispiel.de", { cause: new Error("lookup +49 30 123456 failed") });
    await writeErrorOccurrences(db.prisma, [describeOccurrence({ error, companyId: company.companyId, correlationId: "corr-1", at: at("2026-11-28T10:00:00Z") })]);
    const row = await db.prisma.errorEvent.findFirstOrThrow();
    const stored = JSON.stringify(row);
    expect(stored).not.toMatch(/1234567|123456|erika@/);
    expect(row.title).toBe(`Error: No customer for ${PHONE_PLACEHOLDER} or [E-Mail]`);
    expect(row.lastEvent).toMatchObject({ correlationId: "corr-1", cause: { type: "Error", message: `lookup ${PHONE_PLACEHOLDER} failed` } });
    expect((row.lastEvent as { stack: string[] }).stack.length).toBeGreaterThan(0);
  });
});

describe("bounds", () => {
  it("drops groups older than 30 days and all but the newest groups", async () => {
    const base = at("2026-11-28T00:00:00Z").getTime();
    await db.prisma.errorEvent.createMany({
      data: [
        { fingerprint: "old", title: "Error: old", lastSeen: new Date(base - 31 * 86_400_000) },
        ...Array.from({ length: MAX_ERROR_GROUPS + 2 }, (_, i) => ({ fingerprint: `g${i}`, title: `Error: ${i}`, lastSeen: new Date(base - i * 1000) })),
      ],
    });
    await pruneErrorEvents(db.prisma, new Date(base));
    expect(await db.prisma.errorEvent.count()).toBe(MAX_ERROR_GROUPS);
    const kept = new Set((await db.prisma.errorEvent.findMany({ select: { fingerprint: true } })).map((r) => r.fingerprint));
    expect(kept.has("old")).toBe(false);
    expect(kept.has("g0")).toBe(true);
    expect(kept.has(`g${MAX_ERROR_GROUPS - 1}`)).toBe(true);
    expect(kept.has(`g${MAX_ERROR_GROUPS}`)).toBe(false);
  });
});

describe("reporting", () => {
  const brokenServer = defineServer({
    name: "broken",
    version: "1.0.0",
    description: "Test server whose method fails unexpectedly.",
    methods: [
      defineMethod({
        name: "broken.lookup",
        description: "Fails with a phone number in its message.",
        params: z.object({}),
        result: z.object({}),
        kind: "read",
        handler: async () => {
          throw new Error("Kunde mit Nummer (030) 12 34 56 nicht eindeutig");
        },
      }),
    ],
  });

  it("an unexpected error inside a method lands in the store, scrubbed, with company, method and correlation id", async () => {
    const door = { companyId: company.companyId, actor: { type: "system" as const, id: null }, correlationId: "corr-broken", db: db.prisma, registry: new Registry([brokenServer]) };
    await expect(callMethod("broken.lookup", {}, door)).rejects.toThrow("(030) 12 34 56");
    await expect(callMethod("broken.lookup", {}, door)).rejects.toThrow();
    await flushWriteBehind();
    const row = await db.prisma.errorEvent.findFirstOrThrow();
    expect(row).toMatchObject({ companyId: company.companyId, culprit: "broken.lookup", count: 2, title: `Error: Kunde mit Nummer ${PHONE_PLACEHOLDER} nicht eindeutig` });
    expect(row.lastEvent).toMatchObject({ where: "broken.lookup", correlationId: "corr-broken" });
    expect(JSON.stringify(row)).not.toMatch(/12 34 56/);
  });

  it("reports an error once even when a wrapper of it is reported again", async () => {
    const inner = new Error("once");
    reportUnexpectedError(inner, { db: db.prisma, companyId: company.companyId });
    reportUnexpectedError(new Error("wrapped", { cause: inner }), { db: db.prisma, companyId: company.companyId });
    await flushWriteBehind();
    expect(await db.prisma.errorEvent.findMany({ select: { title: true, count: true } })).toEqual([{ title: "Error: once", count: 1 }]);
  });

  it("records an error of a page or route as one of no company, under its route, unless a method reported it already", async () => {
    const info = (path: string) => ({
      request: { path, method: "GET", headers: { cookie: "session=1" } },
      context: { routerKind: "App Router", routePath: "/anrufe/[id]", routeType: "render" },
    });
    await reportRequestError(new Error("Anruf von 0171 1234567 fehlt"), info("/anrufe/abc?tel=01711234567"), async () => db.prisma);
    const fromMethod = new Error("already reported");
    reportUnexpectedError(fromMethod, { db: db.prisma, companyId: company.companyId, where: "webhook.getCall" });
    await reportRequestError(new Error("wrapped by the page", { cause: fromMethod }), info("/anrufe/x"), async () => db.prisma);
    await flushWriteBehind();
    const rows = await db.prisma.errorEvent.findMany({ select: { companyId: true, culprit: true, title: true } });
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        { companyId: company.companyId, culprit: "webhook.getCall", title: "Error: already reported" },
        { companyId: null, culprit: "GET /anrufe/[id]", title: `Error: Anruf von ${PHONE_PLACEHOLDER} fehlt` },
      ]),
    );
  });

  it("a database that cannot take the row never throws to the caller", async () => {
    const broken = await createTestDb();
    // Closed itself, not only given back: a database given back is emptied and handed to the next
    // file, which this row would otherwise reach through the old client.
    await broken.pglite.close();
    await broken.close();
    expect(() => reportUnexpectedError(new Error("while the database is closed"), { db: broken.prisma, companyId: null })).not.toThrow();
    await expect(flushWriteBehind()).resolves.toBeUndefined();
  });
});
