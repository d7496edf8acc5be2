/**
 * privacy.*: the export holds one customer's calls and appointments and nobody else's; the erase
 * keeps the appointments (for the books) without personal data, clears call content, messages and
 * tasks, cancels queued reminders, leaves an audit row and refuses a second erase or another
 * company's customer; retention clears only calls older than the cutoff, only where it is set.
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Actor } from "@/server/core/types";
import { appointmentLike } from "@/server/testing/appointment-like";
import { callAs } from "@/server/testing/call-method";
import { databasePerFile } from "@/server/testing/database-per-file";
import { appError } from "@/server/testing/appointment-fixtures";
import { FIXED_NOW, seededTestDb } from "@/server/testing/retell";
import { createOtherCompany, type Tenant } from "@/server/testing/tenants";
import { MESSAGE_JOB } from "@/server/services/messaging-delivery/delivery-job";
import { applyRetentionToAllCompanies } from "./retention";
import { nextRetentionRun, RETENTION_JOB, retentionJob, scheduleRetention } from "./retention-job";
import type * as s from "./schemas";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let other: Tenant;
const admin: Actor = { type: "user", id: "admin-1", role: "admin" };
const staff: Actor = { type: "user", id: "staff-1", role: "staff" };
const DAY = 86_400_000;

const call = <T>(method: string, params: unknown, opts: { actor?: Actor; companyId?: string } = {}) =>
  callAs<T>({ db, actor: opts.actor ?? admin, correlationId: "privacy-test", companyId: opts.companyId }, method, params);

/** A customer of the demo company with one past appointment, one call with transcript, a task, a sent message and a queued reminder. */
async function customerWithHistory(phone: string, name: string) {
  const p = db.prisma;
  const template = await p.appointment.findFirstOrThrow({ where: { companyId: db.companyId } });
  const customer = await p.customer.create({ data: { companyId: db.companyId, phone, name, email: `${phone}@example.de`, notes: "Allergie gegen Ammoniak" } });
  const startsAt = new Date(FIXED_NOW.getTime() - 10 * DAY);
  const appointment = await p.appointment.create({
    data: {
      ...appointmentLike(template, customer.id, startsAt),
      status: "completed",
      source: "phone",
      notes: `Notiz zu ${name}`,
      externalUid: `privacy-${phone}`,
    },
  });
  const theCall = await p.call.create({
    data: {
      companyId: db.companyId,
      retellCallId: `call-${phone.slice(-3)}-${Date.now()}`,
      fromNumber: phone,
      customerId: customer.id,
      appointmentId: appointment.id,
      startedAt: new Date(startsAt.getTime() - DAY),
      transcript: `Agent: Hallo. Kunde: Hier ist ${name}.`,
      transcriptObject: [{ role: "user", content: `Hier ist ${name}` }],
      recordingUrl: "https://recordings.example/rec.wav",
      summary: `${name} möchte einen Termin.`,
      collectedData: { customer_name: name },
      analysis: { call_summary: name },
    },
  });
  // What Retell sent and what the agent's functions were asked, stored beside the call.
  await p.webhookEvent.create({
    data: { companyId: db.companyId, provider: "retell", event: "call_ended", dedupeKey: `retell:${db.companyId}:${theCall.retellCallId}:call_ended`, payload: { event: "call_ended", call: { call_id: theCall.retellCallId, from_number: phone, transcript: `Hier ist ${name}` } } },
  });
  await p.functionCall.create({ data: { companyId: db.companyId, retellCallId: theCall.retellCallId, functionName: "book_appointment", arguments: { name }, answer: { message: `Gebucht für ${name}` } } });
  await p.task.create({ data: { companyId: db.companyId, callId: theCall.id, customerId: customer.id, title: `Rückruf an ${name}`, details: { caller_number: phone } } });
  await p.message.create({
    data: { companyId: db.companyId, customerId: customer.id, appointmentId: appointment.id, channel: "sms", kind: "confirmation", to: phone, body: `Hallo ${name}, Ihr Termin`, state: "sent" },
  });
  const reminder = await p.message.create({
    data: { companyId: db.companyId, customerId: customer.id, appointmentId: appointment.id, channel: "sms", kind: "reminder", to: phone, body: `Erinnerung für ${name}`, state: "queued" },
  });
  const job = await p.outboxJob.create({
    data: { companyId: db.companyId, kind: MESSAGE_JOB, payload: { messageId: reminder.id, appointmentId: appointment.id, html: `<p>${name}</p>` }, runAt: new Date(FIXED_NOW.getTime() + DAY), dedupeKey: `test:${phone}` },
  });
  await p.payment.create({ data: { companyId: db.companyId, appointmentId: appointment.id, customerId: customer.id, kind: "deposit", state: "paid", amountCents: 2000 } });
  return { customer, appointment, call: theCall, reminder, job };
}

databasePerFile(async () => {
  db = await seededTestDb();
  other = await createOtherCompany(db.prisma);
  return db;
});

describe("privacy.exportCustomer", () => {
  it("holds the customer's calls, appointments, tasks, messages and payments, and no other customer's data", async () => {
    const mine = await customerWithHistory("+4915700000001", "Erika Export");
    const someoneElse = await customerWithHistory("+4915700000002", "Otto Anders");
    const data = await call<z.output<typeof s.exportResult>>("privacy.exportCustomer", { customer_id: mine.customer.id }, { actor: staff });

    expect(data.customer).toMatchObject({ id: mine.customer.id, name: "Erika Export", phone: "+4915700000001", notes: "Allergie gegen Ammoniak" });
    expect(data.appointments.map((a) => a.id)).toEqual([mine.appointment.id]);
    expect(data.calls).toHaveLength(1);
    expect(data.calls[0]).toMatchObject({ id: mine.call.id, transcript: expect.stringContaining("Erika Export"), collected_data: { customer_name: "Erika Export" } });
    expect(data.tasks.map((t) => t.title)).toEqual(["Rückruf an Erika Export"]);
    expect(data.messages).toHaveLength(2);
    expect(data.payments).toMatchObject([{ amount_cents: 2000, state: "paid" }]);
    const text = JSON.stringify(data);
    expect(text).not.toContain("Otto Anders");
    expect(text).not.toContain(someoneElse.customer.id);
    expect(text).not.toContain("+4915700000002");
  });

  it("leaves an audit row naming the customer, and finds no customer of another company", async () => {
    const mine = await customerWithHistory("+4915700000003", "Anna Audit");
    await call("privacy.exportCustomer", { customer_id: mine.customer.id });
    const row = await db.prisma.auditLog.findFirst({ where: { method: "privacy.exportCustomer", entityType: "customer", entityId: mine.customer.id } });
    expect(row).not.toBeNull();
    expect((await appError(call("privacy.exportCustomer", { customer_id: other.customerId }))).code).toBe(3005);
  });

  it("needs the explicit grant config:privacy for an API token, not just the server", async () => {
    const mine = await customerWithHistory("+4915700000004", "Tina Token");
    const reader: Actor = { type: "token", id: "token-1", allowedServers: ["privacy"] };
    expect((await appError(call("privacy.exportCustomer", { customer_id: mine.customer.id }, { actor: reader }))).code).toBe(3006);
    const granted: Actor = { type: "token", id: "token-2", allowedServers: ["privacy", "config:privacy"] };
    expect((await call<z.output<typeof s.exportResult>>("privacy.exportCustomer", { customer_id: mine.customer.id }, { actor: granted })).customer.name).toBe("Tina Token");
  });
});

describe("privacy.eraseCustomer", () => {
  it("keeps the appointments and payments but removes name, contact data, call content, message texts and task details", async () => {
    const h = await customerWithHistory("+4915700000010", "Lisa Löschen");
    const appointmentsBefore = await db.prisma.appointment.count({ where: { companyId: db.companyId } });

    const result = await call<z.output<typeof s.eraseResult>>("privacy.eraseCustomer", { customer_id: h.customer.id, confirm_name: "lisa  löschen" });
    expect(result).toMatchObject({ id: h.customer.id, appointments_kept: 1, calls_cleared: 1, tasks_cleared: 1, messages_cleared: 2, reminders_cancelled: 1 });

    expect(await db.prisma.appointment.count({ where: { companyId: db.companyId } })).toBe(appointmentsBefore);
    const appointment = await db.prisma.appointment.findUniqueOrThrow({ where: { id: h.appointment.id } });
    expect(appointment).toMatchObject({ customerId: h.customer.id, status: "completed", notes: null });
    expect(await db.prisma.payment.count({ where: { customerId: h.customer.id, amountCents: 2000 } })).toBe(1);
    // The appointment list names the customer only as erased.
    const shown = await call<{ appointment: unknown }>("appointments.get", { appointment_id: h.appointment.id });
    expect(shown.appointment).toMatchObject({ customer_name: "Kunde gelöscht", customer_phone: "" });

    const customer = await db.prisma.customer.findUniqueOrThrow({ where: { id: h.customer.id } });
    expect(customer).toMatchObject({ name: null, email: null, notes: null, erasedAt: FIXED_NOW });
    expect(customer.phone).not.toContain("15700000010");

    const theCall = await db.prisma.call.findUniqueOrThrow({ where: { id: h.call.id } });
    expect(theCall).toMatchObject({ transcript: null, transcriptObject: null, recordingUrl: null, summary: null, collectedData: null, analysis: null, fromNumber: null, contentRemovedAt: FIXED_NOW });

    const event = await db.prisma.webhookEvent.findFirstOrThrow({ where: { dedupeKey: { startsWith: `retell:${db.companyId}:${h.call.retellCallId}:` } } });
    expect(event.payload).toEqual({ event: "call_ended", call: { call_id: h.call.retellCallId }, content_removed: true });
    const fn = await db.prisma.functionCall.findFirstOrThrow({ where: { retellCallId: h.call.retellCallId } });
    expect([fn.arguments, fn.answer]).toEqual([{}, null]);

    const task = await db.prisma.task.findFirstOrThrow({ where: { callId: h.call.id } });
    expect(task.details).toBeNull();
    expect(task.title).not.toContain("Lisa");

    const messages = await db.prisma.message.findMany({ where: { customerId: h.customer.id } });
    expect(messages.map((m) => [m.to, m.body.includes("Lisa")])).toEqual([
      ["", false],
      ["", false],
    ]);
    expect((await db.prisma.message.findUniqueOrThrow({ where: { id: h.reminder.id } })).state).toBe("suppressed");
    const job = await db.prisma.outboxJob.findUniqueOrThrow({ where: { id: h.job.id } });
    expect(job.state).toBe("cancelled");
    expect(JSON.stringify(job.payload)).not.toContain("Lisa");

    // The whole row set still holds nothing of her.
    const leftovers = await call<z.output<typeof s.exportResult>>("privacy.exportCustomer", { customer_id: h.customer.id });
    expect(JSON.stringify(leftovers)).not.toMatch(/Lisa|15700000010|Ammoniak/);

    const audit = await db.prisma.auditLog.findFirst({ where: { method: "privacy.eraseCustomer", outcome: "success", entityType: "customer", entityId: h.customer.id } });
    expect(audit).not.toBeNull();
  });

  it("refuses a second erase with a German message, a wrong name, staff, and another company's customer", async () => {
    const h = await customerWithHistory("+4915700000011", "Zweit Versuch");
    const wrongName = await appError(call("privacy.eraseCustomer", { customer_id: h.customer.id, confirm_name: "Jemand Anders" }));
    expect(wrongName.message).toContain("„Zweit Versuch“");
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: h.customer.id } })).erasedAt).toBeNull();

    expect((await appError(call("privacy.eraseCustomer", { customer_id: h.customer.id, confirm_name: "Zweit Versuch" }, { actor: staff }))).code).toBe(3006);

    await call("privacy.eraseCustomer", { customer_id: h.customer.id, confirm_name: "Zweit Versuch" });
    const again = await appError(call("privacy.eraseCustomer", { customer_id: h.customer.id, confirm_name: "LÖSCHEN" }));
    expect(again).toMatchObject({ code: 3007, message: "Die Daten dieses Kunden wurden bereits gelöscht." });

    const foreign = await appError(call("privacy.eraseCustomer", { customer_id: other.customerId, confirm_name: "Klaus Köhler" }));
    expect(foreign.code).toBe(3005);
    expect(await db.prisma.customer.findUniqueOrThrow({ where: { id: other.customerId } })).toMatchObject({ name: "Klaus Köhler", erasedAt: null });
  });

  it("frees the number: the same person can become a customer again", async () => {
    const h = await customerWithHistory("+4915700000012", "Neu Anfang");
    await call("privacy.eraseCustomer", { customer_id: h.customer.id, confirm_name: "Neu Anfang" });
    await expect(db.prisma.customer.create({ data: { companyId: db.companyId, phone: "+4915700000012", name: "Neu Anfang" } })).resolves.toBeTruthy();
  });
});

describe("call retention", () => {
  async function callAt(companyId: string, id: string, startedAt: Date) {
    return db.prisma.call.create({ data: { companyId, retellCallId: id, startedAt, transcript: "Text", recordingUrl: "https://rec.example/x.wav", summary: "Zusammenfassung" } });
  }
  async function setRetention(companyId: string, months: number | null) {
    const c = await db.prisma.company.findUniqueOrThrow({ where: { id: companyId } });
    await db.prisma.company.update({ where: { id: companyId }, data: { settings: { ...(c.settings as object), callRetentionMonths: months } } });
  }

  it("clears only calls older than the company's period, and only in companies that set one", async () => {
    await setRetention(db.companyId, 6);
    await setRetention(other.companyId, null);
    const old = await callAt(db.companyId, "ret-old", new Date("2025-09-01T10:00:00Z"));
    const recent = await callAt(db.companyId, "ret-recent", new Date("2025-09-20T10:00:00Z"));
    const foreignOld = await callAt(other.companyId, "ret-foreign", new Date("2024-01-01T10:00:00Z"));
    for (const [companyId, id] of [[db.companyId, "ret-old"], [db.companyId, "ret-recent"], [other.companyId, "ret-foreign"]]) {
      await db.prisma.webhookEvent.create({ data: { companyId, provider: "retell", event: "call_analyzed", dedupeKey: `retell:${companyId}:${id}:call_analyzed`, payload: { event: "call_analyzed", call: { call_id: id, transcript: "Text" } } } });
    }
    const payloadOf = async (id: string) => JSON.stringify((await db.prisma.webhookEvent.findFirstOrThrow({ where: { dedupeKey: { endsWith: `:${id}:call_analyzed` } } })).payload);

    // The cutoff is 11.09.2025 (six months before FIXED_NOW).
    const result = await call<z.output<typeof s.retentionResult>>("privacy.applyRetention", {});
    expect(result).toMatchObject({ retention_months: 6, cutoff: "2025-09-11T09:00:00.000Z" });
    expect(result.calls_cleared).toBeGreaterThanOrEqual(1);

    const byId = async (id: string) => db.prisma.call.findUniqueOrThrow({ where: { id } });
    expect(await byId(old.id)).toMatchObject({ transcript: null, recordingUrl: null, summary: null, contentRemovedAt: FIXED_NOW });
    expect(await byId(recent.id)).toMatchObject({ transcript: "Text", recordingUrl: "https://rec.example/x.wav", contentRemovedAt: null });
    expect(await byId(foreignOld.id)).toMatchObject({ transcript: "Text", contentRemovedAt: null });
    expect(await payloadOf("ret-old")).not.toContain("Text");
    expect(await payloadOf("ret-recent")).toContain("Text");
    expect(await payloadOf("ret-foreign")).toContain("Text");

    // A second run finds nothing left; the other company's calls stay while it keeps them.
    expect((await call<z.output<typeof s.retentionResult>>("privacy.applyRetention", {})).calls_cleared).toBe(0);
    expect(await applyRetentionToAllCompanies(db.prisma, FIXED_NOW)).toEqual({ [db.companyId]: 0 });
  });

  it("runs daily as a job that plans its next run once, and clears across companies", async () => {
    await setRetention(other.companyId, 12);
    const foreignOld = await callAt(other.companyId, "ret-job-foreign", new Date("2024-06-01T10:00:00Z"));
    expect(nextRetentionRun(new Date("2026-03-11T02:59:00Z")).toISOString()).toBe("2026-03-11T03:00:00.000Z");
    expect(nextRetentionRun(new Date("2026-03-11T03:00:00Z")).toISOString()).toBe("2026-03-12T03:00:00.000Z");

    expect(await scheduleRetention(db.prisma, FIXED_NOW)).toBe(true);
    expect(await scheduleRetention(db.prisma, FIXED_NOW)).toBe(false);

    const log = { info: () => {}, warn: () => {}, error: () => {}, child: () => log } as never;
    await retentionJob.run({}, { db: db.prisma, log, now: () => FIXED_NOW, channels: {} as never, job: { id: "j", companyId: null, attempts: 1 } });
    expect(await db.prisma.call.findUniqueOrThrow({ where: { id: foreignOld.id } })).toMatchObject({ transcript: null, contentRemovedAt: FIXED_NOW });
    // The run itself planned the next day's, which the start had planned already: still one.
    expect(await db.prisma.outboxJob.count({ where: { kind: RETENTION_JOB, state: "pending" } })).toBe(1);
  });
});
