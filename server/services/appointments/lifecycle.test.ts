/**
 * The appointment's life cycle after booking: Erledigt / Nicht erschienen (counted on the
 * customer, and taken back on undo), edits of service, staff, notes and customer through the
 * same calendar check the phone uses, the acting user's name on every change, and the choice
 * between a stored and a typed customer name.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCodes } from "@/server/core/errors";
import type { Actor } from "@/server/core/types";
import { addAbsence } from "@/server/services/staff/absences";
import { appError, appointmentsFixture } from "@/server/testing/appointment-fixtures";
import { checkAvailability } from "./availability";
import { bookAppointment } from "./book";
import { cancelAppointment } from "./cancel";
import { changeAppointment } from "./change";
import { setAppointmentStatus } from "./status";
import { updateAppointment } from "./update";

const MARIA = "+4917112345670";
let f: Awaited<ReturnType<typeof appointmentsFixture>>;
let lea: Actor;
beforeAll(async () => {
  f = await appointmentsFixture();
  const user = await f.prisma.user.create({ data: { companyId: f.companyId, email: "lea@example.test", name: "Lea Krüger", passwordHash: "x", role: "staff" } });
  lea = { type: "user", id: user.id, role: "staff" };
});
afterAll(() => f.db.close());

/** Thursday 12.03.2026, 10:30 in Berlin: Maria's 10:00 appointment with Anna has begun. */
const DURING = new Date("2026-03-12T09:30:00Z");
const noShows = async (phone: string) => (await f.prisma.customer.findFirstOrThrow({ where: { companyId: f.companyId, phone } })).noShowCount;

const book = (over: Partial<Parameters<typeof bookAppointment>[1]>) =>
  bookAppointment(f.ctx(lea), {
    branch_id: f.mitte,
    service_name: "Herrenhaarschnitt",
    date: "2026-03-18",
    time: "14:00",
    customer_name: "Karl Neu",
    customer_phone: "0176 11100011",
    ...over,
  });

describe("appointments.setStatus", () => {
  it("counts a no-show on the customer, takes it back on undo, and records who did it", async () => {
    const appointment = await f.appointmentAt(MARIA, "2026-03-12T10:00");
    const before = await noShows(MARIA);

    const marked = await setAppointmentStatus(f.ctx(lea, DURING), { appointment_id: appointment.id, status: "no_show" });
    expect(marked).toMatchObject({ changed: true, message: "Termin als nicht erschienen markiert.", appointment: { status: "no_show", status_changed_by: "Lea Krüger" } });
    expect(await noShows(MARIA)).toBe(before + 1);

    // A second click changes nothing and counts nothing.
    expect(await setAppointmentStatus(f.ctx(lea, DURING), { appointment_id: appointment.id, status: "no_show" })).toMatchObject({ changed: false });
    expect(await noShows(MARIA)).toBe(before + 1);

    const undone = await setAppointmentStatus(f.ctx(lea, DURING), { appointment_id: appointment.id, status: "scheduled" });
    expect(undone.appointment.status).toBe("scheduled");
    expect(await noShows(MARIA)).toBe(before);

    const done = await setAppointmentStatus(f.ctx(lea, DURING), { appointment_id: appointment.id, status: "completed" });
    expect(done).toMatchObject({ message: "Termin als erledigt markiert.", appointment: { status: "completed" } });
    expect(await noShows(MARIA)).toBe(before);
    const row = await f.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(row).toMatchObject({ statusChangedBy: "Lea Krüger", statusChangedAt: DURING });
  });

  it("refuses Erledigt or Nicht erschienen before the appointment began, and any status for a cancelled one", async () => {
    const coming = await f.appointmentAt(MARIA, "2026-03-17T16:00");
    const early = await appError(setAppointmentStatus(f.ctx(lea, DURING), { appointment_id: coming.id, status: "no_show" }));
    expect(early).toMatchObject({ code: ErrorCodes.INVALID_INPUT, message: "Erst ab Beginn des Termins lässt er sich als erledigt oder nicht erschienen markieren." });

    const booked = await book({ date: "2026-03-16", time: "10:00", staff_id: f.staff.Jonas });
    await cancelAppointment(f.ctx(lea), { appointment_id: booked.appointment.id });
    const later = new Date("2026-03-16T12:00:00Z");
    expect(await appError(setAppointmentStatus(f.ctx(lea, later), { appointment_id: booked.appointment.id, status: "completed" }))).toMatchObject({
      code: ErrorCodes.CONFLICT,
    });
  });
});

describe("who did what", () => {
  it("writes the user's name as booked, moved and cancelled by, and the channel for the phone", async () => {
    const booked = await book({ date: "2026-03-16", time: "11:00", staff_id: f.staff.Jonas });
    expect(booked.appointment.created_by).toBe("Lea Krüger");
    const moved = await changeAppointment(f.ctx(lea), { appointment_id: booked.appointment.id, new_date: "2026-03-16", new_time: "12:00" });
    expect(moved.appointment.rescheduled_by).toBe("Lea Krüger");
    const cancelled = await cancelAppointment(f.ctx(lea), { appointment_id: booked.appointment.id });
    expect(cancelled.appointment.cancelled_by).toBe("Lea Krüger");

    const byPhone = await bookAppointment(f.ctx(), {
      branch_id: f.mitte,
      service_name: "Herrenhaarschnitt",
      date: "2026-03-16",
      time: "15:00",
      customer_name: "Karl Neu",
      customer_phone: "0176 11100011",
    });
    expect(byPhone.appointment.created_by).toBe("Telefon");
  });
});

describe("appointments.update", () => {
  it("changes the service through the calendar: new length and buffer, same start", async () => {
    const booked = await book({ date: "2026-03-18", time: "14:00", staff_id: f.staff.Leonie, customer_phone: "0176 11100012" });
    const updated = await updateAppointment(f.ctx(lea), { appointment_id: booked.appointment.id, service_id: f.serviceId("Färben") });
    expect(updated.appointment).toMatchObject({ service: "Färben", time: "14:00", staff: "Leonie Schmidt" });
    const row = await f.prisma.appointment.findUniqueOrThrow({ where: { id: booked.appointment.id } });
    expect(row.endsAt.getTime() - row.startsAt.getTime()).toBe(90 * 60_000);
    expect(row.bufferMinutes).toBe(15);
  });

  it("refuses a staff member who is busy then, with the message a booking gets, and changes nothing", async () => {
    const other = await book({ date: "2026-03-18", time: "12:00", staff_id: f.staff.Leonie, customer_phone: "0176 11100014" });
    await book({ date: "2026-03-18", time: "12:00", staff_id: f.staff.Jonas, customer_phone: "0176 11100015" });

    const refused = await appError(updateAppointment(f.ctx(lea), { appointment_id: other.appointment.id, staff_id: f.staff.Jonas }));
    const asBooking = await appError(book({ date: "2026-03-18", time: "12:00", staff_id: f.staff.Jonas, customer_phone: "0176 11100016" }));
    expect(refused).toMatchObject({ code: ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE, message: "Der gewünschte Termin ist nicht verfügbar." });
    expect(refused.message).toBe(asBooking.message);
    expect((await f.prisma.appointment.findUniqueOrThrow({ where: { id: other.appointment.id } })).staffId).toBe(f.staff.Leonie);
  });

  it("refuses a staff member who is away then, with the phone's sentence", async () => {
    const other = await book({ date: "2026-03-19", time: "14:00", staff_id: f.staff.Leonie, customer_phone: "0176 11100017" });
    await addAbsence(f.ctx(lea), { staff_id: f.staff.Jonas, from_date: "2026-03-19", to_date: "2026-03-19", from_time: "12:00", to_time: "15:00", reason: "Arzt" });

    const refused = await appError(updateAppointment(f.ctx(lea), { appointment_id: other.appointment.id, staff_id: f.staff.Jonas }));
    const sentence = "Jonas Wagner ist am Donnerstag, 19.03.2026 um 14:00 Uhr leider nicht da.";
    expect(refused).toMatchObject({ code: ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE, message: sentence });
    const phone = await checkAvailability(f.ctx(), { branch_id: f.mitte, service_name: "Herrenhaarschnitt", date: "2026-03-19", time: "14:00", staff_id: f.staff.Jonas });
    expect(phone).toMatchObject({ available: false, reason: "staff_absent" });
    expect(phone.message.startsWith(sentence)).toBe(true);
    expect(await appError(book({ date: "2026-03-19", time: "14:00", staff_id: f.staff.Jonas, customer_phone: "0176 11100018" }))).toMatchObject({ message: sentence });
  });

  it("edits notes and the customer's name, and moves the appointment to another number's customer", async () => {
    const booked = await book({ date: "2026-03-20", time: "10:00", staff_id: f.staff.Jonas, customer_phone: "0176 11100019", customer_name: "Karl Neu" });
    const named = await updateAppointment(f.ctx(lea), { appointment_id: booked.appointment.id, notes: "Bringt Hund mit", customer_name: "Karl Neumann" });
    expect(named.appointment).toMatchObject({ notes: "Bringt Hund mit", customer_name: "Karl Neumann", customer_phone: "+4917611100019" });

    const moved = await updateAppointment(f.ctx(lea), { appointment_id: booked.appointment.id, customer_phone: "030 5550001", customer_name: "Frieda Neu", notes: null });
    expect(moved.appointment).toMatchObject({ customer_name: "Frieda Neu", customer_phone: "+49305550001", notes: null });
    // The first customer keeps their corrected name.
    expect((await f.prisma.customer.findFirstOrThrow({ where: { companyId: f.companyId, phone: "+4917611100019" } })).name).toBe("Karl Neumann");
  });
});

describe("a known number with another name", () => {
  it("keeps the stored name by default (the phone path), asks when told to, and takes the typed one when chosen", async () => {
    const base = { branch_id: f.mitte, service_name: "Herrenhaarschnitt", customer_phone: MARIA, customer_name: "Maria Schulz" };
    const kept = await bookAppointment(f.ctx(lea), { ...base, date: "2026-03-23", time: "10:00" });
    expect(kept.appointment.customer_name).toBe("Maria Müller");

    const asked = await appError(bookAppointment(f.ctx(lea), { ...base, date: "2026-03-23", time: "11:00", customer_name_policy: "ask" }));
    expect(asked).toMatchObject({
      code: ErrorCodes.CONFLICT,
      message: "Unter dieser Telefonnummer ist „Maria Müller“ gespeichert, eingegeben wurde „Maria Schulz“. Bitte wählen Sie, welcher Name gelten soll.",
    });
    // The same name in other spelling is no difference worth asking about.
    const same = await bookAppointment(f.ctx(lea), { ...base, customer_name: " maria  müller ", date: "2026-03-23", time: "11:00", customer_name_policy: "ask" });
    expect(same.appointment.customer_name).toBe("Maria Müller");

    const typed = await bookAppointment(f.ctx(lea), { ...base, date: "2026-03-23", time: "12:00", customer_name_policy: "use_typed" });
    expect(typed.appointment.customer_name).toBe("Maria Schulz");
    expect((await f.prisma.customer.findFirstOrThrow({ where: { companyId: f.companyId, phone: MARIA } })).name).toBe("Maria Schulz");
  });
});
