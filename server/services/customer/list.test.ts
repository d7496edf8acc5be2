/**
 * customer.list: the Kunden page's search finds a customer by the number in any spelling (or a
 * part of it) and by part of the name, pages and sorts by name or last visit, shows the last
 * and next visit, leaves erased customers out unless asked, and stays within the company.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/server/core/types";
import { callAs } from "@/server/testing/call-method";
import { databasePerFile } from "@/server/testing/database-per-file";
import { FIXED_NOW, seededTestDb } from "@/server/testing/retell";
import { createOtherCompany } from "@/server/testing/tenants";
import { phoneDigitsForSearch } from "./list";
import type * as s from "./schemas";

type List = z.output<typeof s.listResult>;

let db: Awaited<ReturnType<typeof seededTestDb>>;
const staff: Actor = { type: "user", id: "staff-1", role: "staff" };

const list = (params: Record<string, unknown>, companyId = db.companyId) => callAs<List>({ db, actor: staff, correlationId: "list-test", companyId }, "customer.list", params);
const names = (l: List) => l.customers.map((c) => c.name);

databasePerFile(async () => {
  db = await seededTestDb();
  await createOtherCompany(db.prisma, { customerPhone: "+491623456789" });
  await db.prisma.customer.create({ data: { companyId: db.companyId, name: "Anna Schulz", phone: "+491623456789" } });
  return db;
});

describe("customer.list search", () => {
  it.each([
    "0162 3456789",
    "+49 162 3456789",
    "01623456789",
    "0049 162 3456789",
    "0049162-3456789",
    "+49 (0)162 3456789",
    "49 162 3456789",
    "(0162) 345 67 89",
    "3456789",
    "0162 34567",
  ])("finds the customer by the number typed as %s, only within the company", async (query) => {
    const found = await list({ query });
    expect(names(found)).toEqual(["Anna Schulz"]);
    expect(found.total).toBe(1);
    expect(found.customers[0]).toMatchObject({ phone: "+491623456789", phone_display: "0162 3456789" });
  });

  it("finds by part of the name regardless of case, and a short digit run does not match every number", async () => {
    expect(names(await list({ query: "schul" }))).toEqual(["Anna Schulz"]);
    expect(names(await list({ query: "MÜLLER" }))).toEqual(["Maria Müller"]);
    expect((await list({ query: "01" })).total).toBe(0);
    expect((await list({ query: "100%" })).total).toBe(0);
  });

  it("turns a typed number into the digits inside the stored form", () => {
    expect(phoneDigitsForSearch("0171 123")).toBe("171123");
    expect(phoneDigitsForSearch("0049 171")).toBe("49171");
    expect(phoneDigitsForSearch("+49 171")).toBe("49171");
    expect(phoneDigitsForSearch("171 12")).toBe("17112");
  });
});

describe("customer.list paging, sorting and visits", () => {
  it("pages by name with the total of all matches", async () => {
    const all = await list({ limit: 100 });
    expect(all.total).toBe(7);
    const sorted = [...names(all)].sort((a, b) => a!.localeCompare(b!));
    expect(names(all)).toEqual(sorted);
    const page2 = await list({ limit: 3, offset: 3 });
    expect(page2.total).toBe(7);
    expect(names(page2)).toEqual(names(all).slice(3, 6));
  });

  it("sorts by the last visit, newest first, customers never seen last; shows last and next visit dates", async () => {
    const anna = await db.prisma.customer.findFirstOrThrow({ where: { companyId: db.companyId, phone: "+491623456789" } });
    const template = await db.prisma.appointment.findFirstOrThrow({ where: { companyId: db.companyId } });
    const at = (days: number) => new Date(FIXED_NOW.getTime() + days * 86_400_000);
    const make = (startsAt: Date, status: "completed" | "cancelled" | "scheduled", uid: string) =>
      db.prisma.appointment.create({
        data: {
          companyId: db.companyId,
          branchId: template.branchId,
          serviceId: template.serviceId,
          customerId: anna.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 30 * 60_000),
          status,
          source: "dashboard",
          externalUid: uid,
        },
      });
    // Yesterday a visit; a cancelled one an hour ago counts as no visit; next one in ten days.
    await make(at(-1), "completed", "list-anna-1");
    await make(new Date(FIXED_NOW.getTime() - 3_600_000), "cancelled", "list-anna-2");
    await make(at(10), "scheduled", "list-anna-3");

    const byVisit = await list({ sort: "last_visit", limit: 100 });
    expect(byVisit.customers[0]).toMatchObject({ name: "Anna Schulz", last_visit: "10.03.2026", next_visit: "21.03.2026" });
    const seen = byVisit.customers.filter((c) => c.last_visit !== null);
    const toKey = (d: string) => d.split(".").reverse().join("");
    expect(seen.map((c) => toKey(c.last_visit!))).toEqual(seen.map((c) => toKey(c.last_visit!)).sort().reverse());
    const firstUnseen = byVisit.customers.findIndex((c) => c.last_visit === null);
    if (firstUnseen >= 0) expect(byVisit.customers.slice(firstUnseen).every((c) => c.last_visit === null)).toBe(true);
  });

  it("leaves erased customers out unless asked, and marks them", async () => {
    const stefan = await db.prisma.customer.findFirstOrThrow({ where: { companyId: db.companyId, name: "Stefan Wolf" } });
    await db.prisma.customer.update({ where: { id: stefan.id }, data: { erasedAt: FIXED_NOW, name: null } });
    const visible = await list({ limit: 100 });
    expect(visible.customers.map((c) => c.id)).not.toContain(stefan.id);
    expect(visible.total).toBe(6);
    const withErased = await list({ limit: 100, include_erased: true });
    expect(withErased.customers.find((c) => c.id === stefan.id)).toMatchObject({ erased_at: FIXED_NOW.toISOString(), phone_display: "Nummer gelöscht" });
    expect((await list({ query: "0170 11122233" })).total).toBe(0);
    await db.prisma.customer.update({ where: { id: stefan.id }, data: { erasedAt: null, name: "Stefan Wolf" } });
  });
});
