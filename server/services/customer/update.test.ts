/**
 * customer.update: only the fields sent change, with plain German messages under the field for
 * an invalid e-mail, a too long note, an invalid number and a number another customer already
 * has; the consent flags are stored; waiting messages follow a new number; erased customers and
 * other companies' customers cannot be changed.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { InvalidParamsError } from "@/server/core/call-errors";
import { ErrorCodes } from "@/server/core/errors";
import type { Actor } from "@/server/core/types";
import { callAs } from "@/server/testing/call-method";
import { databasePerFile } from "@/server/testing/database-per-file";
import { FIXED_NOW, seededTestDb } from "@/server/testing/retell";
import { createOtherCompany } from "@/server/testing/tenants";
import type * as s from "./schemas";

type Updated = z.output<typeof s.updateResult>;

let db: Awaited<ReturnType<typeof seededTestDb>>;
const staff: Actor = { type: "user", id: "staff-1", role: "staff" };

const update = (params: Record<string, unknown>, companyId = db.companyId) => callAs<Updated>({ db, actor: staff, correlationId: "update-test", companyId }, "customer.update", params);

/** The field errors of a refused update, by field. */
async function refusal(params: Record<string, unknown>): Promise<Record<string, string>> {
  const err = await update(params).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InvalidParamsError);
  return Object.fromEntries((err as InvalidParamsError).issues.map((i) => [i.path.join("."), i.message]));
}

let lenaId: string;

databasePerFile(async () => {
  db = await seededTestDb();
  const lena = await db.prisma.customer.create({ data: { companyId: db.companyId, name: "Lena Vogel", phone: "+491623456789", email: "lena@example.de", notes: "Alt" } });
  lenaId = lena.id;
  return db;
});

describe("customer.update", () => {
  it("changes only the fields sent, clears with empty text, stores consent, and leaves an audit row", async () => {
    const updated = await update({ customer_id: lenaId, notes: "  Kommt immer mit Hund. ", sms_opt_out: true });
    expect(updated).toMatchObject({ name: "Lena Vogel", email: "lena@example.de", notes: "Kommt immer mit Hund.", sms_opt_out: true, email_opt_out: false });
    const cleared = await update({ customer_id: lenaId, email: "", email_opt_out: true, sms_opt_out: false });
    expect(cleared).toMatchObject({ email: null, email_opt_out: true, sms_opt_out: false, notes: "Kommt immer mit Hund." });
    const row = await db.prisma.customer.findUniqueOrThrow({ where: { id: lenaId } });
    expect(row).toMatchObject({ email: null, emailOptOut: true, smsOptOut: false, notes: "Kommt immer mit Hund." });
    const audit = await db.prisma.auditLog.findMany({ where: { companyId: db.companyId, method: "customer.update" } });
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit.every((a) => a.entityType === "customer" && a.entityId === lenaId)).toBe(true);
  });

  it("refuses an invalid e-mail and a too long note with German messages under the fields, changing nothing", async () => {
    const errors = await refusal({ customer_id: lenaId, email: "lena@", notes: "x".repeat(2001) });
    expect(errors).toEqual({ email: "Bitte eine gültige E-Mail-Adresse angeben.", notes: "Höchstens 2000 Zeichen." });
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: lenaId } })).notes).toBe("Kommt immer mit Hund.");
  });

  it("takes a new number in any spelling, and waiting SMS go to it", async () => {
    const message = await db.prisma.message.create({
      data: { companyId: db.companyId, customerId: lenaId, channel: "sms", kind: "reminder", to: "+491623456789", body: "Erinnerung", state: "queued" },
    });
    const updated = await update({ customer_id: lenaId, phone: "0049 162 3456780" });
    expect(updated).toMatchObject({ phone: "+491623456780", phone_display: "0162 3456780" });
    expect((await db.prisma.message.findUniqueOrThrow({ where: { id: message.id } })).to).toBe("+491623456780");
  });

  it("refuses an invalid number and one that belongs to another customer, naming that customer", async () => {
    expect(await refusal({ customer_id: lenaId, phone: "0162 12" })).toEqual({ phone: "Bitte eine gültige Telefonnummer angeben, z. B. 0171 1234567." });
    expect(await refusal({ customer_id: lenaId, phone: "0171 12345670" })).toEqual({
      phone: "Diese Nummer gehört schon zu Maria Müller. Ist es dieselbe Person, führen Sie die beiden Kunden zusammen.",
    });
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: lenaId } })).phone).toBe("+491623456780");
  });

  it("keeps the customer's own number as it is (no refusal for the unchanged number)", async () => {
    expect(await update({ customer_id: lenaId, phone: "+49 162 3456780", name: "Lena Vogel-Braun" })).toMatchObject({ name: "Lena Vogel-Braun", phone: "+491623456780" });
  });

  it("refuses an erased customer and another company's customer", async () => {
    const erased = await db.prisma.customer.create({ data: { companyId: db.companyId, phone: "+491620000001", erasedAt: FIXED_NOW } });
    await expect(update({ customer_id: erased.id, notes: "neu" })).rejects.toMatchObject({ code: ErrorCodes.CONFLICT });
    const other = await createOtherCompany(db.prisma, { customerPhone: "+491620000002" });
    await expect(update({ customer_id: other.customerId, notes: "neu" })).rejects.toMatchObject({ code: ErrorCodes.NOT_FOUND });
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: other.customerId } })).notes).toBeNull();
  });
});
