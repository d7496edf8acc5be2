import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCodes } from "@/server/core/errors";
import { cancelAppointment } from "./cancel";
import { changeAppointment } from "./change";
import { appError, appointmentsFixture, DASHBOARD } from "@/server/testing/appointment-fixtures";

const MARIA = "+4917112345670";
let f: Awaited<ReturnType<typeof appointmentsFixture>>;
beforeAll(async () => {
  f = await appointmentsFixture();
});
afterAll(() => f.db.close());

const jobsFor = (appointmentId: string) =>
  f.prisma.outboxJob.findMany({ where: { payload: { path: ["appointmentId"], equals: appointmentId } }, orderBy: { createdAt: "asc" } });
const messagesFor = (appointmentId: string) => f.prisma.message.findMany({ where: { appointmentId }, orderBy: { createdAt: "asc" } });

describe("appointments.change", () => {
  it("moves the appointment, records who and why, and queues the confirmation", async () => {
    const appointment = await f.appointmentAt(MARIA, "2026-03-17T16:00");
    const result = await changeAppointment(f.ctx(), { appointment_id: appointment.id, new_date: "2026-03-18", new_time: "16:00" });

    expect(result.message).toBe("Ihr Termin wurde auf 18.03.2026 um 16:00 Uhr verschoben.");
    expect(result.appointment).toMatchObject({ date: "18.03.2026", time: "16:00", staff: "Leonie Schmidt" });
    const row = await f.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(row).toMatchObject({
      rescheduledBy: "Telefon",
      rescheduleReason: "Kundenanfrage per Telefon",
      rescheduledAt: new Date("2026-03-11T09:00:00Z"),
      staffId: f.staff.Leonie,
    });
    expect(row.endsAt.getTime() - row.startsAt.getTime()).toBe(45 * 60_000);
    const [message] = await messagesFor(appointment.id);
    expect(message).toMatchObject({ kind: "change", channel: "sms", to: MARIA, state: "queued" });
    expect(message.body).toContain("wurde verlegt auf 18.03.2026 um 16:00 Uhr");
    expect((await jobsFor(appointment.id)).map((j) => j.payload)).toContainEqual(expect.objectContaining({ messageId: message.id }));
  });

  it("keeps to the 24-hour rule for callers, but lets the salon's staff move it", async () => {
    const tomorrow = await f.appointmentAt(MARIA, "2026-03-12T10:00"); // exactly 24 h ahead
    const refused = await appError(changeAppointment(f.ctx(), { appointment_id: tomorrow.id, new_date: "2026-03-13", new_time: "11:00" }));
    expect(refused).toEqual(
      expect.objectContaining({ code: ErrorCodes.TOO_LATE_TO_MODIFY, message: "Termine können nur bis 24 Stunden vorher geändert werden." }),
    );
    const moved = await changeAppointment(f.ctx(DASHBOARD), {
      appointment_id: tomorrow.id,
      new_date: "2026-03-13",
      new_time: "11:00",
      reason: "Mitarbeiterin krank",
    });
    expect(moved.appointment).toMatchObject({ time: "11:00", rescheduled_by: "Unbekannter Benutzer", reschedule_reason: "Mitarbeiterin krank" });
  });

  it("refuses a time the staff member is not free, and changes nothing", async () => {
    const appointment = await f.appointmentAt("+4917655544433", "2026-03-13T09:30"); // Michael, Anna
    const error = await appError(
      changeAppointment(f.ctx(DASHBOARD), { appointment_id: appointment.id, new_date: "2026-03-19", new_time: "09:00" }), // Anna's Färben
    );
    expect(error).toMatchObject({ code: ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE, message: "Der gewünschte Termin ist nicht verfügbar." });
    expect((await f.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).startsAt).toEqual(appointment.startsAt);
    expect(await jobsFor(appointment.id)).toHaveLength(0);
    expect(await messagesFor(appointment.id)).toHaveLength(0);
  });

  it("moves onto a time that overlaps only the appointment's own old place", async () => {
    const appointment = await f.appointmentAt("+4917655544433", "2026-03-13T09:30");
    const result = await changeAppointment(f.ctx(DASHBOARD), { appointment_id: appointment.id, new_date: "2026-03-13", new_time: "09:45" });
    expect(result.appointment.time).toBe("09:45");
  });

  it("refuses closed hours, the past and unknown or foreign appointments with their own codes", async () => {
    const appointment = await f.appointmentAt("+4917011122233", "2026-03-13T15:00"); // Stefan, Bartpflege
    const change = (over: object) =>
      appError(changeAppointment(f.ctx(DASHBOARD), { appointment_id: appointment.id, new_date: "2026-03-14", new_time: "10:00", ...over }));
    expect(await change({ new_time: "15:00" })).toMatchObject({ code: ErrorCodes.OUTSIDE_BUSINESS_HOURS }); // Saturday closes 14:00
    expect(await change({ new_date: "2026-03-10" })).toMatchObject({ code: ErrorCodes.DATE_IN_PAST });
    expect(await change({ appointment_id: "does-not-exist" })).toMatchObject({ code: ErrorCodes.NOT_FOUND, message: "Der Termin wurde nicht gefunden." });

    const other = await f.prisma.company.create({ data: { slug: "andere", name: "Anderer Salon" } });
    const otherCtx = { ...f.ctx(DASHBOARD), companyId: other.id };
    const foreign = await appError(changeAppointment(otherCtx, { appointment_id: appointment.id, new_date: "2026-03-14", new_time: "10:00" }));
    expect(foreign).toMatchObject({ code: ErrorCodes.NOT_FOUND, message: "Der Termin wurde nicht gefunden." });
    const foreignCancel = await appError(cancelAppointment(otherCtx, { appointment_id: appointment.id }));
    expect(foreignCancel).toMatchObject({ code: ErrorCodes.NOT_FOUND });
    expect((await f.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe("scheduled");
  });
});

describe("appointments.cancel", () => {
  it("cancels, counts the cancellation for no-show tracking and reads the refund policy", async () => {
    const appointment = await f.appointmentAt("+4930987654321", "2026-03-16T10:30"); // Julia
    const result = await cancelAppointment(f.ctx(), { appointment_id: appointment.id, reason: "Krank" });

    expect(result).toMatchObject({
      success: true,
      message: "Ihr Termin am Montag, 16.03.2026 um 10:30 Uhr wurde erfolgreich storniert.",
      refund_policy: "Stornierungen bis 24 Stunden vorher sind kostenlos.",
      appointment: { status: "cancelled", cancelled_by: "Telefon", cancellation_reason: "Krank", can_modify: false },
    });
    const customer = await f.prisma.customer.findUniqueOrThrow({ where: { id: appointment.customerId } });
    expect(customer.cancellationCount).toBe(1);
    const [message] = await messagesFor(appointment.id);
    expect(message).toMatchObject({ kind: "cancellation", channel: "sms", to: "+4930987654321", state: "queued" });
    expect(message.body).toBe("Hallo Julia Meyer, Ihr Termin bei Salon Schönschnitt am 16.03.2026 um 10:30 Uhr (Herrenhaarschnitt) wurde abgesagt.");

    const again = await appError(cancelAppointment(f.ctx(), { appointment_id: appointment.id }));
    expect(again).toMatchObject({ code: ErrorCodes.CONFLICT });
    expect((await f.prisma.customer.findUniqueOrThrow({ where: { id: appointment.customerId } })).cancellationCount).toBe(1);
  });

  it("frees the slot for someone else", async () => {
    const appointment = await f.appointmentAt("+4916012312312", "2026-03-18T11:00"); // Sabine, Sophie
    await cancelAppointment(f.ctx(), { appointment_id: appointment.id });
    const free = await f.prisma.appointment.count({ where: { staffId: appointment.staffId, status: "scheduled", startsAt: appointment.startsAt } });
    expect(free).toBe(0);
  });
});
