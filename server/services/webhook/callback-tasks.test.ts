/**
 * Callback tasks for the Rückrufe page: made the real way (collected in a call, slot taken,
 * call_ended webhook), listed with the call's number, summary and collected data, filtered and
 * paged; their outcome recorded with the user's name, a booking linked, other companies refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callMethod } from "@/server/core/dispatch";
import type { ServiceContext } from "@/server/core/types";
import { handleRetellWebhook } from "@/server/doors/retell/webhook-door";
import { runDueJobs } from "@/server/platform/outbox/worker";
import { DEMO_PHONE_NUMBER } from "@/server/seed/demo";
import { DEMO_USERS } from "@/server/seed/logins";
import { executeFunction } from "@/server/services/retell-function/service";
import { demoCall, FIXED_NOW, seededTestDb, signedRequest, testContext } from "@/server/testing/retell";
import type { TaskDto } from "./schemas";

const CALLER = "+4917612345678";
let db: Awaited<ReturnType<typeof seededTestDb>>;
let retell: ServiceContext;
let staffId: string;

beforeAll(async () => {
  db = await seededTestDb();
  retell = testContext(db.prisma, db.companyId, { actor: { type: "retell", id: null } });
  staffId = (await db.prisma.user.findFirstOrThrow({ where: { email: DEMO_USERS.staff.email } })).id;
});
afterAll(() => db.close());

const asStaff = (companyId = db.companyId) => ({
  companyId,
  actor: { type: "user" as const, id: staffId, role: "staff" as const },
  correlationId: "t",
  db: db.prisma,
  now: () => FIXED_NOW,
});

async function deliver(event: string, callId: string, extra: Record<string, unknown> = {}) {
  const res = await handleRetellWebhook(signedRequest("http://localhost/api/mcp/retell/webhook", { event, call: demoCall(callId, extra) }), {
    db: db.prisma,
    now: () => FIXED_NOW,
  });
  expect(res.status).toBe(200);
}

/** A call in which the agent collected `args`; call_ended settles it (a task when it cannot be booked). */
async function callWith(callId: string, args: Record<string, unknown>, summary: string) {
  await executeFunction(retell, {
    function_name: "collect_appointment_data",
    parameters: args,
    call_context: { call_id: callId, from_number: CALLER, to_number: DEMO_PHONE_NUMBER },
  });
  await deliver("call_ended", callId, { call_status: "ended", start_timestamp: FIXED_NOW.getTime() - 60_000 });
  await deliver("call_analyzed", callId, { call_analysis: { call_summary: summary } });
  expect((await runDueJobs({ db: db.prisma, now: () => FIXED_NOW })).failed).toBe(0);
}

const list = async (params: Record<string, unknown>, ctx = asStaff()) =>
  (await callMethod("webhook.listTasks", params, ctx)).data as { tasks: TaskDto[]; total: number };
const byCall = async (callId: string) => (await list({ limit: 200 })).tasks.find((t) => t.call_id === callId)!;

describe("callback tasks", () => {
  beforeAll(async () => {
    // Freitag 15:00 Bartpflege is taken in the demo data: the collected appointment becomes a task.
    await callWith("cb_taken", { datum: "Freitag", uhrzeit: "15 Uhr", name: "Theo Taken", telefonnummer: "0157 00000003", dienstleistung: "Bartpflege" }, "Theo möchte Bartpflege am Freitag.");
    // Incomplete: only name and service were understood.
    await callWith("cb_partial", { name: "Paula Teil", dienstleistung: "Färben", datum: "nächste Woche" }, "Paula möchte färben, weiß den Tag noch nicht.");
  });

  it("lists a task with the caller's number, summary, time and the data collected in the call", async () => {
    const taken = await byCall("cb_taken");
    const call = await db.prisma.call.findFirstOrThrow({ where: { retellCallId: "cb_taken" } });
    const bart = await db.prisma.service.findFirstOrThrow({ where: { companyId: db.companyId, name: "Bartpflege" } });
    expect(taken).toMatchObject({
      status: "open",
      call_record_id: call.id,
      caller_number: CALLER,
      summary: "Theo möchte Bartpflege am Freitag.",
      received_at: new Date(FIXED_NOW.getTime() - 60_000).toISOString(),
      collected: { branch_id: call.branchId, customer_name: "Theo Taken", customer_phone: "+4915700000003", service_id: bart.id, service: "Bartpflege", date: "2026-03-13", date_spoken: null, time: "15:00" },
      appointment_id: null,
      status_changed_by: null,
    });

    const partial = await byCall("cb_partial");
    expect(partial.collected).toMatchObject({ customer_name: "Paula Teil", service: "Färben", service_id: null, date: null, date_spoken: "nächste Woche", time: null });
    expect(partial.summary).toBe("Paula möchte färben, weiß den Tag noch nicht.");
  });

  it("records not reached with the user's name and time, filters by status and pages with the full total", async () => {
    const partial = await byCall("cb_partial");
    const { data } = await callMethod("webhook.setTaskStatus", { task_id: partial.id, status: "not_reached" }, asStaff());
    expect(data).toMatchObject({ status: "not_reached", status_changed_by: DEMO_USERS.staff.name, status_changed_at: FIXED_NOW.toISOString() });
    expect(await db.prisma.task.findUniqueOrThrow({ where: { id: partial.id } })).toMatchObject({ status: "not_reached", statusChangedBy: DEMO_USERS.staff.name });

    expect((await list({ status: "not_reached" })).tasks.map((t) => t.id)).toEqual([partial.id]);
    expect((await list({ status: "open" })).tasks.map((t) => t.call_id)).toEqual(["cb_taken"]);
    const pending = await list({ status: ["open", "not_reached"] });
    expect(pending.total).toBe(2);

    const first = await list({ status: ["open", "not_reached"], limit: 1 });
    const second = await list({ status: ["open", "not_reached"], limit: 1, offset: 1 });
    expect(first.total).toBe(2);
    expect(first.tasks).toHaveLength(1);
    expect(second.tasks).toHaveLength(1);
    expect(second.tasks[0].id).not.toBe(first.tasks[0].id);
  });

  it("links the appointment booked from the callback and marks it done", async () => {
    const taken = await byCall("cb_taken");
    const booked = await callMethod(
      "appointments.book",
      { branch_id: taken.collected.branch_id!, service_id: taken.collected.service_id!, date: "2026-03-13", time: "16:00", customer_name: "Theo Taken", customer_phone: taken.collected.customer_phone! },
      { ...asStaff(), actor: { type: "user" as const, id: staffId, role: "admin" as const } },
    );
    const appointmentId = (booked.data as { appointment: { id: string } }).appointment.id;
    const { data } = await callMethod("webhook.setTaskStatus", { task_id: taken.id, status: "done", appointment_id: appointmentId }, asStaff());
    expect(data).toMatchObject({ status: "done", appointment_id: appointmentId, status_changed_by: DEMO_USERS.staff.name });
    expect(await byCall("cb_taken")).toMatchObject({ status: "done", appointment_id: appointmentId });
    expect((await list({ status: "done" })).tasks.map((t) => t.call_id)).toEqual(["cb_taken"]);

    // Reopened, the booking stays recorded.
    await callMethod("webhook.setTaskStatus", { task_id: taken.id, status: "open" }, asStaff());
    expect(await byCall("cb_taken")).toMatchObject({ status: "open", appointment_id: appointmentId });
  });

  it("refuses a booking with another status, an unknown or foreign appointment, and tasks of other companies", async () => {
    const taken = await byCall("cb_taken");
    const appointment = await db.prisma.appointment.findFirstOrThrow({ where: { companyId: db.companyId } });
    await expect(callMethod("webhook.setTaskStatus", { task_id: taken.id, status: "not_reached", appointment_id: appointment.id }, asStaff())).rejects.toMatchObject({
      name: "InvalidParamsError",
      issues: [expect.objectContaining({ path: ["status"], message: "Eine Aufgabe mit gebuchtem Termin ist erledigt." })],
    });
    await expect(callMethod("webhook.setTaskStatus", { task_id: taken.id, status: "done", appointment_id: "nope" }, asStaff())).rejects.toMatchObject({ code: 3005 });
    const foreign = await db.prisma.company.create({ data: { slug: "fremd-termin", name: "Fremd Termin" } });
    const foreignBranch = await db.prisma.branch.create({ data: { companyId: foreign.id, name: "Fremd", timeZone: "Europe/Berlin" } });
    const foreignService = await db.prisma.service.create({ data: { companyId: foreign.id, name: "Fremd", durationMinutes: 30 } });
    const foreignCustomer = await db.prisma.customer.create({ data: { companyId: foreign.id, phone: "+4917099999999" } });
    const foreignAppointment = await db.prisma.appointment.create({
      data: { companyId: foreign.id, branchId: foreignBranch.id, serviceId: foreignService.id, customerId: foreignCustomer.id, startsAt: FIXED_NOW, endsAt: FIXED_NOW },
    });
    await expect(callMethod("webhook.setTaskStatus", { task_id: taken.id, status: "done", appointment_id: foreignAppointment.id }, asStaff())).rejects.toMatchObject({ code: 3005 });
    expect((await byCall("cb_taken")).status).toBe("open");

    const other = await db.prisma.company.create({ data: { slug: "fremd-rueckrufe", name: "Fremd" } });
    expect((await list({}, asStaff(other.id))).total).toBe(0);
    await expect(callMethod("webhook.setTaskStatus", { task_id: taken.id, status: "done" }, asStaff(other.id))).rejects.toMatchObject({ code: 3005 });
    expect((await byCall("cb_taken")).status).toBe("open");
  });
});
