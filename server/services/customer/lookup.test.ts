/**
 * customer.lookup: the booking dialog's look-up while a number is typed. Any spoken form of the
 * number finds the customer with the last visits (newest first, cancelled and coming ones left
 * out) and the no-show count; half-typed text is no error; another company's customer with the
 * same number stays invisible.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/server/core/types";
import { callAs } from "@/server/testing/call-method";
import { databasePerFile } from "@/server/testing/database-per-file";
import { seededTestDb } from "@/server/testing/retell";
import { createOtherCompany, type Tenant } from "@/server/testing/tenants";
import type * as s from "./schemas";

type Lookup = z.output<typeof s.lookupResult>;

let db: Awaited<ReturnType<typeof seededTestDb>>;
let other: Tenant;
const staff: Actor = { type: "user", id: "staff-1", role: "staff" };

const lookup = (phone: string, companyId = db.companyId) => callAs<Lookup>({ db, actor: staff, correlationId: "lookup-test", companyId }, "customer.lookup", { phone });

databasePerFile(async () => {
  db = await seededTestDb();
  other = await createOtherCompany(db.prisma);
  return db;
});

describe("customer.lookup", () => {
  it("finds the customer by any spoken form of the number, with the last visits newest first and the no-shows", async () => {
    const julia = await db.prisma.customer.findFirstOrThrow({ where: { companyId: db.companyId, phone: "+4930987654321" } });
    await db.prisma.customer.update({ where: { id: julia.id }, data: { noShowCount: 1 } });
    const past = await db.prisma.appointment.findFirstOrThrow({ where: { customerId: julia.id, status: "no_show" }, include: { service: true } });
    // Two more visits of Julia: an older completed one, and a cancelled one (not a visit).
    const older = new Date(past.startsAt.getTime() - 20 * 86_400_000);
    const cancelled = new Date(past.startsAt.getTime() + 86_400_000);
    for (const [startsAt, status, uid] of [
      [older, "completed", "lookup-older"],
      [cancelled, "cancelled", "lookup-cancelled"],
    ] as const) {
      await db.prisma.appointment.create({
        data: {
          companyId: db.companyId,
          branchId: past.branchId,
          customerId: julia.id,
          serviceId: past.serviceId,
          staffId: past.staffId,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 30 * 60_000),
          status,
          source: "dashboard",
          externalUid: uid,
        },
      });
    }

    const found = await lookup("030 98765432-1");
    expect(found.valid_number).toBe(true);
    expect(found.customer).toMatchObject({ id: julia.id, name: "Julia Meyer", phone: "+4930987654321", no_show_count: 1, cancellation_count: 0 });
    // Julia's coming appointment (after FIXED_NOW) is no visit yet.
    expect(found.customer!.last_visits.map((v) => [v.date, v.service, v.status])).toEqual([
      [new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", day: "2-digit", month: "2-digit", year: "numeric" }).format(past.startsAt), past.service.name, "no_show"],
      [new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", day: "2-digit", month: "2-digit", year: "numeric" }).format(older), past.service.name, "completed"],
    ]);
  });

  it("shows at most the last three visits", async () => {
    const thomas = await db.prisma.customer.findFirstOrThrow({ where: { companyId: db.companyId, phone: "+4915198765432" } });
    const template = await db.prisma.appointment.findFirstOrThrow({ where: { customerId: thomas.id, status: "completed" } });
    for (let i = 1; i <= 4; i++) {
      const startsAt = new Date(template.startsAt.getTime() - i * 7 * 86_400_000);
      await db.prisma.appointment.create({
        data: { ...template, id: undefined, startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000), externalUid: `lookup-thomas-${i}`, createdAt: undefined, updatedAt: undefined },
      });
    }
    const found = await lookup("+49 151 98765432");
    expect(found.customer!.last_visits).toHaveLength(3);
    expect(found.customer!.last_visits[0]!.id).toBe(template.id);
  });

  it("answers a number nobody has with no customer, and half-typed text as not yet a number", async () => {
    expect(await lookup("0171 9999999")).toEqual({ valid_number: true, customer: null });
    expect(await lookup("0171 12")).toEqual({ valid_number: false, customer: null });
    expect(await lookup("")).toEqual({ valid_number: false, customer: null });
  });

  it("stays within the company: the same number elsewhere names that company's customer only", async () => {
    const salon = await lookup(other.customerPhone);
    expect(salon.customer?.name).toBe("Maria Müller");
    const elsewhere = await lookup(other.customerPhone, other.companyId);
    expect(elsewhere.customer).toMatchObject({ id: other.customerId, name: "Klaus Köhler", last_visits: [] });
    const third = await createOtherCompany(db.prisma, { slug: "ohne-kunden", name: "Ohne Kunden GmbH", customerPhone: "+4917100000009" });
    expect(await lookup("0171 12345670", third.companyId)).toEqual({ valid_number: true, customer: null });
  });
});
