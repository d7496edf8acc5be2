/**
 * customer.get: the Kunden detail shows contact data and consent, the coming and past
 * appointments with service, staff and status (cancelled ones too), the customer's calls newest
 * first, and the no-show and cancellation counts; another company's customer stays hidden.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ErrorCodes } from "@/server/core/errors";
import type { Actor } from "@/server/core/types";
import { appointmentLike } from "@/server/testing/appointment-like";
import { callAs } from "@/server/testing/call-method";
import { databasePerFile } from "@/server/testing/database-per-file";
import { FIXED_NOW, seededTestDb } from "@/server/testing/retell";
import { createOtherCompany } from "@/server/testing/tenants";
import type * as s from "./schemas";

type Detail = z.output<typeof s.getResult>;

let db: Awaited<ReturnType<typeof seededTestDb>>;
const staff: Actor = { type: "user", id: "staff-1", role: "staff" };

const get = (customerId: string, companyId = db.companyId) => callAs<Detail>({ db, actor: staff, correlationId: "detail-test", companyId }, "customer.get", { customer_id: customerId });

databasePerFile(async () => {
  db = await seededTestDb();
  return db;
});

describe("customer.get", () => {
  it("shows visits (coming and past, any status), calls newest first, consent and counts", async () => {
    const template = await db.prisma.appointment.findFirstOrThrow({ where: { companyId: db.companyId, staffId: { not: null } }, include: { service: true, staff: true } });
    const customer = await db.prisma.customer.create({
      data: { companyId: db.companyId, name: "Lena Vogel", phone: "+491623456789", email: "lena@example.de", notes: "Mag es kurz.", smsOptOut: true, noShowCount: 2, cancellationCount: 1 },
    });
    const make = (hours: number, status: "completed" | "cancelled" | "scheduled" | "no_show", uid: string) => {
      const startsAt = new Date(FIXED_NOW.getTime() + hours * 3_600_000);
      return db.prisma.appointment.create({
        data: { ...appointmentLike(template, customer.id, startsAt), status, source: "dashboard", externalUid: uid },
      });
    };
    const pastDone = await make(-48, "completed", "detail-1");
    const pastNoShow = await make(-24, "no_show", "detail-2");
    const nextCancelled = await make(24, "cancelled", "detail-3");
    const next = await make(48, "scheduled", "detail-4");
    const older = await db.prisma.call.create({
      data: { companyId: db.companyId, retellCallId: "detail-call-1", customerId: customer.id, startedAt: new Date(FIXED_NOW.getTime() - 72 * 3_600_000), summary: "Fragt nach Preisen.", outcome: "info", durationMs: 61_400 },
    });
    const newer = await db.prisma.call.create({
      data: { companyId: db.companyId, retellCallId: "detail-call-2", customerId: customer.id, startedAt: new Date(FIXED_NOW.getTime() - 3_600_000), summary: "Termin gebucht.", outcome: "booked" },
    });

    const d = await get(customer.id);
    expect(d).toMatchObject({
      name: "Lena Vogel",
      phone_display: "0162 3456789",
      email: "lena@example.de",
      notes: "Mag es kurz.",
      sms_opt_out: true,
      email_opt_out: false,
      no_show_count: 2,
      cancellation_count: 1,
      erased_at: null,
    });
    expect(d.upcoming_visits.map((v) => [v.id, v.status])).toEqual([
      [nextCancelled.id, "cancelled"],
      [next.id, "scheduled"],
    ]);
    expect(d.upcoming_appointments.map((a) => a.id)).toEqual([next.id]);
    expect(d.past_visits.map((v) => [v.id, v.status])).toEqual([
      [pastNoShow.id, "no_show"],
      [pastDone.id, "completed"],
    ]);
    expect(d.past_visits[1]).toMatchObject({ service: template.service.name, staff: template.staff!.name, date: "09.03.2026", time: "10:00" });
    expect(d.calls.map((c) => [c.id, c.outcome, c.summary])).toEqual([
      [newer.id, "booked", "Termin gebucht."],
      [older.id, "info", "Fragt nach Preisen."],
    ]);
    expect(d.calls[1]).toMatchObject({ date: "08.03.2026", time: "10:00", duration_seconds: 61 });
  });

  it("does not show another company's customer", async () => {
    const other = await createOtherCompany(db.prisma, { customerPhone: "+491629999999" });
    const err = await get(other.customerId).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: ErrorCodes.NOT_FOUND });
  });
});
