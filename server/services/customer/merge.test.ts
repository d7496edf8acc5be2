/**
 * customer.merge: the duplicate's appointments, calls, tasks, payments and messages move to the
 * customer who stays, counters add up, notes are joined, an opt-out of either wins, the
 * duplicate is gone, all or nothing; merging a customer with itself, with another company's
 * customer or with an erased one is refused. customer.mergePreview counts what would move.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ErrorCodes } from "@/server/core/errors";
import type { Actor } from "@/server/core/types";
import { callAs } from "@/server/testing/call-method";
import { databasePerFile } from "@/server/testing/database-per-file";
import { FIXED_NOW, seededTestDb } from "@/server/testing/retell";
import { createOtherCompany } from "@/server/testing/tenants";
import { joinNotes } from "./merge";
import type * as s from "./schemas";

let db: Awaited<ReturnType<typeof seededTestDb>>;
const staff: Actor = { type: "user", id: "staff-1", role: "staff" };

const call = <T>(method: string, params: Record<string, unknown>) => callAs<T>({ db, actor: staff, correlationId: "merge-test" }, method, params);
const merge = (params: Record<string, unknown>) => call<z.output<typeof s.mergeResult>>("customer.merge", params);
const preview = (params: Record<string, unknown>) => call<z.output<typeof s.mergePreviewResult>>("customer.mergePreview", params);

/** A customer with one of everything that names a customer. */
async function customerWithHistory(phone: string, data: Record<string, unknown>, tag: string) {
  const customer = await db.prisma.customer.create({ data: { companyId: db.companyId, phone, ...data } });
  const template = await db.prisma.appointment.findFirstOrThrow({ where: { companyId: db.companyId } });
  const startsAt = new Date(FIXED_NOW.getTime() + 86_400_000);
  const appointment = await db.prisma.appointment.create({
    data: { companyId: db.companyId, branchId: template.branchId, serviceId: template.serviceId, customerId: customer.id, startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), source: "dashboard", externalUid: `merge-${tag}` },
  });
  const callRow = await db.prisma.call.create({ data: { companyId: db.companyId, retellCallId: `merge-${tag}`, customerId: customer.id, fromNumber: phone } });
  const task = await db.prisma.task.create({ data: { companyId: db.companyId, customerId: customer.id, callId: callRow.id, title: "Rückruf" } });
  const payment = await db.prisma.payment.create({ data: { companyId: db.companyId, appointmentId: appointment.id, customerId: customer.id, kind: "deposit", amountCents: 1000 } });
  const message = await db.prisma.message.create({ data: { companyId: db.companyId, customerId: customer.id, appointmentId: appointment.id, channel: "sms", kind: "confirmation", to: phone, body: "Bestätigt" } });
  return { customer, appointment, call: callRow, task, payment, message };
}

databasePerFile(async () => {
  db = await seededTestDb();
  return db;
});

describe("customer.merge", () => {
  it("previews, then moves everything of the duplicate, adds the counters, joins notes, keeps every opt-out and deletes the duplicate", async () => {
    const keep = await customerWithHistory("+491623456789", { name: "Lena Vogel", notes: "Mag es kurz.", noShowCount: 1, cancellationCount: 2, emailOptOut: false }, "keep");
    const dup = await customerWithHistory(
      "+491601111111",
      { name: "Lena V.", email: "lena@example.de", notes: "Zweite Nummer (Büro).", noShowCount: 2, cancellationCount: 1, smsOptOut: true, emailOptOut: true, stripeCustomerId: "cus_dup", stripePaymentMethodId: "pm_dup", cardConsentAt: FIXED_NOW },
      "dup",
    );
    const params = { customer_id: keep.customer.id, duplicate_id: dup.customer.id };

    const seen = await preview(params);
    expect(seen.moves).toEqual({ appointments: 1, calls: 1, tasks: 1, payments: 1, messages: 1 });
    expect(seen.duplicate).toMatchObject({ name: "Lena V.", phone_display: "0160 1111111" });

    const merged = await merge(params);
    expect(merged).toMatchObject({
      id: keep.customer.id,
      removed_id: dup.customer.id,
      name: "Lena Vogel",
      phone: "+491623456789",
      email: "lena@example.de",
      notes: "Mag es kurz.\n\nZweite Nummer (Büro).\n\nWeitere Nummer: 0160 1111111",
      no_show_count: 3,
      cancellation_count: 3,
      sms_opt_out: true,
      email_opt_out: true,
      moved: { appointments: 1, calls: 1, tasks: 1, payments: 1, messages: 1 },
    });
    const owner = { customerId: keep.customer.id };
    expect(await db.prisma.appointment.findUniqueOrThrow({ where: { id: dup.appointment.id } })).toMatchObject(owner);
    expect(await db.prisma.call.findUniqueOrThrow({ where: { id: dup.call.id } })).toMatchObject(owner);
    expect(await db.prisma.task.findUniqueOrThrow({ where: { id: dup.task.id } })).toMatchObject(owner);
    expect(await db.prisma.payment.findUniqueOrThrow({ where: { id: dup.payment.id } })).toMatchObject(owner);
    expect(await db.prisma.message.findUniqueOrThrow({ where: { id: dup.message.id } })).toMatchObject(owner);
    expect(await db.prisma.customer.findUnique({ where: { id: dup.customer.id } })).toBeNull();
    // The saved card came along as a whole, since the kept customer had none.
    expect(await db.prisma.customer.findUniqueOrThrow({ where: { id: keep.customer.id } })).toMatchObject({ stripeCustomerId: "cus_dup", stripePaymentMethodId: "pm_dup" });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { companyId: db.companyId, method: "customer.merge" } });
    expect(audit).toMatchObject({ entityType: "customer", entityId: keep.customer.id, outcome: "success" });
  });

  it("refuses a customer with itself, another company's customer and an erased customer, moving nothing", async () => {
    const a = await customerWithHistory("+491602222222", { name: "A" }, "a");
    await expect(merge({ customer_id: a.customer.id, duplicate_id: a.customer.id })).rejects.toMatchObject({ code: ErrorCodes.INVALID_INPUT, message: "Ein Kunde kann nicht mit sich selbst zusammengeführt werden." });
    await expect(preview({ customer_id: a.customer.id, duplicate_id: a.customer.id })).rejects.toMatchObject({ code: ErrorCodes.INVALID_INPUT });

    const other = await createOtherCompany(db.prisma, { customerPhone: "+491603333333" });
    await expect(merge({ customer_id: a.customer.id, duplicate_id: other.customerId })).rejects.toMatchObject({ code: ErrorCodes.NOT_FOUND, message: "Das Duplikat wurde nicht gefunden." });
    await expect(merge({ customer_id: other.customerId, duplicate_id: a.customer.id })).rejects.toMatchObject({ code: ErrorCodes.NOT_FOUND });
    expect(await db.prisma.customer.findUnique({ where: { id: other.customerId } })).not.toBeNull();
    expect((await db.prisma.appointment.findUniqueOrThrow({ where: { id: a.appointment.id } })).customerId).toBe(a.customer.id);

    const erased = await db.prisma.customer.create({ data: { companyId: db.companyId, phone: "+491604444444", erasedAt: FIXED_NOW } });
    await expect(merge({ customer_id: a.customer.id, duplicate_id: erased.id })).rejects.toMatchObject({ code: ErrorCodes.CONFLICT });
    expect(await db.prisma.customer.findUnique({ where: { id: erased.id } })).not.toBeNull();
  });

  it("joins notes without repeating the same text, and keeps none when neither has any", () => {
    expect(joinNotes("Mag es kurz.", " Mag es kurz. ")).toBe("Mag es kurz.");
    expect(joinNotes(null, "Büro")).toBe("Büro");
    expect(joinNotes("", null)).toBeNull();
    expect(joinNotes("A", null, "B")).toBe("A\n\nB");
  });
});
