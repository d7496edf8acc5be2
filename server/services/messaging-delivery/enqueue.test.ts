/**
 * A message is stored only together with the job that sends it: written again for the same
 * appointment (a repeated webhook, a retried write), neither a second job nor a second message
 * appears, while the reminders and the confirmation of a new appointment are all written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/server/services/appointments/book";
import { appointmentsFixture, DASHBOARD, FIXED_NOW } from "@/server/testing/appointment-fixtures";
import { MESSAGE_JOB } from "./delivery-job";
import { enqueueCustomerMessage, type CustomerMessageInput } from "./enqueue";
import { updateReminderSettings } from "./service";

let f: Awaited<ReturnType<typeof appointmentsFixture>>;

beforeAll(async () => {
  f = await appointmentsFixture();
}, 60_000);
afterAll(() => f.db.close());

describe("enqueueCustomerMessage", () => {
  it("writes each message with its job once; a repeat for the same appointment adds neither", async () => {
    await updateReminderSettings(f.ctx({ type: "user", id: "admin-1", role: "admin" }), {
      reminder_offsets: [1440, 120],
      email_reminders: false,
      sms_reminders: true,
      quiet_from: "21:00",
      quiet_until: "08:00",
    });
    const booked = await bookAppointment(f.ctx(DASHBOARD, FIXED_NOW), {
      branch_id: f.mitte,
      staff_id: f.staff.Anna,
      service_name: "Damenhaarschnitt",
      date: "2026-03-26",
      time: "11:15",
      customer_name: "Eva Einmal",
      customer_phone: "0176 55512345",
    });
    const appointmentId = booked.appointment.id;
    const counts = async () => ({
      messages: await f.prisma.message.count({ where: { appointmentId } }),
      jobs: await f.prisma.outboxJob.count({ where: { kind: MESSAGE_JOB, payload: { path: ["appointmentId"], equals: appointmentId } } }),
    });
    expect(await counts()).toEqual({ messages: 3, jobs: 3 }); // the confirmation and two reminders

    const appointment = await f.prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId }, include: { customer: true } });
    const again: CustomerMessageInput = {
      kind: "confirmation",
      companyId: f.companyId,
      companyName: "Salon",
      sendEmails: true,
      appointment: {
        id: appointmentId,
        branchId: f.mitte,
        startsAt: appointment.startsAt,
        endsAt: appointment.endsAt,
        serviceName: "Damenhaarschnitt",
        staffName: "Anna",
        branchName: "Mitte",
        timeZone: "Europe/Berlin",
      },
      customer: appointment.customer,
      now: FIXED_NOW,
    };
    await f.prisma.$transaction((tx) => enqueueCustomerMessage(tx, again));
    expect(await counts()).toEqual({ messages: 3, jobs: 3 });

    // Each message points at its own job.
    const messages = await f.prisma.message.findMany({ where: { appointmentId }, select: { id: true } });
    for (const { id } of messages) {
      expect(await f.prisma.outboxJob.count({ where: { kind: MESSAGE_JOB, payload: { path: ["messageId"], equals: id } } })).toBe(1);
    }
  });
});
