import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCodes } from "@/server/core/errors";
import { checkAvailability, findNextSlot } from "./availability";
import { findAppointmentsByPhone } from "./find";
import { getAppointment, listAppointments } from "./list";
import { appError, appointmentsFixture, DASHBOARD } from "@/server/testing/appointment-fixtures";

let f: Awaited<ReturnType<typeof appointmentsFixture>>;
beforeAll(async () => {
  f = await appointmentsFixture();
});
afterAll(() => f.db.close());

describe("appointments.find", () => {
  it.each(["0171 12345670", "+49 (171) 123 456 70", "0049 171 12345670", "49 171 12345670"])(
    "finds Maria Müller's upcoming appointments from %s",
    async (phone) => {
      const result = await findAppointmentsByPhone(f.ctx(), { phone });
      expect(result.count).toBe(2);
      expect(result.appointments.map((a) => [a.date, a.time, a.service, a.staff, a.branch, a.can_modify])).toEqual([
        ["12.03.2026", "10:00", "Damenhaarschnitt", "Anna Becker", "Salon Schönschnitt Mitte", false], // exactly 24 h ahead
        ["17.03.2026", "16:00", "Damenhaarschnitt", "Leonie Schmidt", "Salon Schönschnitt Mitte", true],
      ]);
      expect(result.message).toBe(
        "Ich habe 2 Termine gefunden: Donnerstag, 12.03.2026 um 10:00 Uhr, Damenhaarschnitt bei Anna Becker und Dienstag, 17.03.2026 um 16:00 Uhr, Damenhaarschnitt bei Leonie Schmidt.",
      );
    },
  );

  it("names 'Beliebiger Mitarbeiter' when nobody is assigned, and leaves out past and cancelled appointments", async () => {
    const thomas = await f.appointmentAt("+4915198765432", "2026-03-19T09:00");
    await f.prisma.appointment.update({ where: { id: thomas.id }, data: { staffId: null } });
    const result = await findAppointmentsByPhone(f.ctx(), { phone: "015198765432" });
    // Thomas also has a completed appointment from last week; it is not listed.
    expect(result.appointments.map((a) => [a.date, a.staff])).toEqual([
      ["12.03.2026", "Jonas Wagner"],
      ["19.03.2026", "Beliebiger Mitarbeiter"],
    ]);
  });

  it("answers politely when nothing is found, and refuses a malformed number", async () => {
    expect(await findAppointmentsByPhone(f.ctx(), { phone: "0176 00000000" })).toMatchObject({
      found: false,
      message: "Keine Termine unter dieser Nummer gefunden.",
    });
    expect(await appError(findAppointmentsByPhone(f.ctx(), { phone: "12345" }))).toMatchObject({ code: ErrorCodes.INVALID_PHONE });
  });
});

describe("appointments.list and get", () => {
  it("filters by date range, branch, staff, status and customer, with a total for paging", async () => {
    const list = (params: Parameters<typeof listAppointments>[1]) => listAppointments(f.ctx(DASHBOARD), params);
    const all = await list({ limit: 50, offset: 0 });
    expect(all.total).toBe(12);

    const thursday = await list({ date_from: "2026-03-12", date_to: "2026-03-12", limit: 50, offset: 0 });
    expect(thursday.appointments.map((a) => a.time)).toEqual(["10:00", "11:00", "14:00"]);
    expect((await list({ branch_id: f.prenzlberg, limit: 50, offset: 0 })).total).toBe(2);
    expect((await list({ staff_id: f.staff.Jonas, limit: 50, offset: 0 })).total).toBe(3); // one of them completed last week
    expect((await list({ staff_id: f.staff.Jonas, status: "scheduled", limit: 50, offset: 0 })).total).toBe(2);
    expect((await list({ status: "no_show", limit: 50, offset: 0 })).appointments[0].customer_name).toBe("Julia Meyer");
    expect((await list({ search: "müller", limit: 50, offset: 0 })).total).toBe(2);
    expect((await list({ search: "0171 12345670", limit: 50, offset: 0 })).total).toBe(2);

    const page2 = await list({ limit: 5, offset: 5 });
    expect(page2).toMatchObject({ total: 12 });
    expect(page2.appointments.map((a) => a.id)).toEqual(all.appointments.slice(5, 10).map((a) => a.id));
  });

  it("gets one appointment of the company and refuses unknown ones", async () => {
    const maria = await f.appointmentAt("+4917112345670", "2026-03-17T16:00");
    const { appointment } = await getAppointment(f.ctx(DASHBOARD), { appointment_id: maria.id });
    expect(appointment).toMatchObject({ customer_name: "Maria Müller", weekday: "Dienstag", external_uid: expect.stringMatching(/^local-/) });
    expect(await appError(getAppointment(f.ctx(DASHBOARD), { appointment_id: "nope" }))).toMatchObject({ code: ErrorCodes.NOT_FOUND });
    // Another company's id reads like an unknown one: its existence is not revealed.
    const other = await f.prisma.company.create({ data: { slug: "fremd-get", name: "Fremder Salon" } });
    expect(await appError(getAppointment({ ...f.ctx(DASHBOARD), companyId: other.id }, { appointment_id: maria.id }))).toMatchObject({
      code: ErrorCodes.NOT_FOUND,
      message: "Der Termin wurde nicht gefunden.",
    });
  });
});

describe("appointments.checkAvailability and findNextSlot", () => {
  const check = (over: Partial<Parameters<typeof checkAvailability>[1]>) =>
    checkAvailability(f.ctx(), { branch_id: f.mitte, service_name: "Herrenhaarschnitt", date: "2026-03-12", ...over });

  it("confirms a free time", async () => {
    const result = await check({ time: "14:00" });
    expect(result).toMatchObject({ available: true, reason: null, time: "14:00", message: "Der Termin am Donnerstag, 12.03.2026 um 14:00 Uhr ist verfügbar." });
    expect(result.slots[0].staff_ids).toEqual([f.staff.Jonas]);
  });

  it("offers the nearest free times when the wished one is taken", async () => {
    const result = await check({ time: "11:00", staff_id: f.staff.Jonas });
    expect(result).toMatchObject({ available: false, reason: "taken" });
    // 10:30 would run into the 11:00 appointment with its buffer; 11:15-11:40 is the old one's buffer.
    expect(result.slots.map((s) => s.time)).toEqual(["10:00", "10:15", "11:45"]);
    expect(result.message).toBe("Am Donnerstag, 12.03.2026 um 11:00 Uhr ist leider kein Termin frei. Möglich wären 10:00, 10:15 oder 11:45 Uhr.");
  });

  it("says when the salon is closed", async () => {
    expect(await check({ time: "20:30" })).toMatchObject({
      available: false,
      reason: "closed",
      message: expect.stringMatching(/^Am Donnerstag, 12.03.2026 um 20:30 Uhr haben wir leider geschlossen\./),
    });
    expect(await check({ date: "2026-03-15" })).toMatchObject({
      available: false,
      reason: "closed",
      slots: [],
      message: "Am Sonntag, 15.03.2026 haben wir geschlossen.",
    });
  });

  it("lists a day's free times with a few examples spread over the day", async () => {
    const result = await check({});
    expect(result.available).toBe(true);
    expect(result.slots[0].time).toBe("10:00");
    expect(result.message).toMatch(/^Am Donnerstag, 12.03.2026 sind noch Termine frei, zum Beispiel um 10:00, \d\d:\d\d und 19:30 Uhr\.$/);
  });

  it("refuses past days and impossible dates", async () => {
    expect(await appError(check({ date: "2026-03-10" }))).toMatchObject({ code: ErrorCodes.DATE_IN_PAST });
    expect(await appError(check({ date: "2026-13-01" }))).toMatchObject({ code: ErrorCodes.INVALID_DATE });
  });

  it("finds the next free slot, with and without a staff wish", async () => {
    const next = await findNextSlot(f.ctx(), { branch_id: f.mitte, service_name: "Färben" });
    expect(next).toMatchObject({ found: true, message: "Der nächste freie Termin für Färben ist am Mittwoch, 11.03.2026 um 11:00 Uhr." });
    const withJonas = await findNextSlot(f.ctx(), { branch_id: f.mitte, service_name: "Bartpflege", staff_id: f.staff.Jonas, from_date: "2026-03-14" });
    expect(withJonas.slot).toMatchObject({ date: "14.03.2026", time: "09:00", staff_ids: [f.staff.Jonas] });
  });
});
