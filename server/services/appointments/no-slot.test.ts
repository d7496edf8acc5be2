/**
 * Every "no free time" answer says why: no staff for the service, outside the booking window,
 * staff away, closed (weekly hours, holiday, special day), fully booked. And a branch's
 * special days reach the slot engine and the phone's opening-hours answer as soon as they are
 * saved (the write drops the cached master data).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callMethod } from "@/server/core/dispatch";
import type { Actor } from "@/server/core/types";
import { searchKnowledge } from "@/server/services/knowledge/service";
import { addAbsence } from "@/server/services/staff/absences";
import { appError, appointmentsFixture, FIXED_NOW } from "@/server/testing/appointment-fixtures";
import { ErrorCodes } from "@/server/core/errors";
import { checkAvailability, findNextSlot } from "./availability";
import { bookAppointment } from "./book";

const ADMIN: Actor = { type: "user", id: "admin-1", role: "admin" };
let f: Awaited<ReturnType<typeof appointmentsFixture>>;
beforeAll(async () => {
  f = await appointmentsFixture();
  // A service nobody offers (created before the first read caches the master data).
  await f.prisma.service.create({ data: { companyId: f.companyId, name: "Nagelpflege", durationMinutes: 30 } });
});
afterAll(() => f.db.close());

const check = (over: Partial<Parameters<typeof checkAvailability>[1]>) =>
  checkAvailability(f.ctx(), { branch_id: f.mitte, service_name: "Herrenhaarschnitt", date: "2026-03-12", ...over });
const call = (method: string, params: unknown) =>
  callMethod(method, params, { companyId: f.companyId, actor: ADMIN, correlationId: "special-days", db: f.prisma, now: () => FIXED_NOW });

describe("why no time is free", () => {
  it("no staff for the service", async () => {
    expect(await check({ service_name: "Nagelpflege" })).toMatchObject({
      available: false,
      reason: "no_staff_for_service",
      message: "Nagelpflege bietet in Salon Schönschnitt Mitte derzeit leider niemand an.",
    });
    expect(await findNextSlot(f.ctx(), { branch_id: f.mitte, service_name: "Nagelpflege" })).toMatchObject({
      found: false,
      reason: "no_staff_for_service",
    });
  });

  it("outside the booking window (60 days), for the day and for a booking", async () => {
    expect(await check({ date: "2026-06-01" })).toMatchObject({
      reason: "outside_booking_window",
      message: "Termine vergeben wir höchstens 60 Tage im Voraus, der Montag, 01.06.2026 liegt noch außerhalb.",
    });
    const booking = await appError(
      bookAppointment(f.ctx(), { branch_id: f.mitte, service_name: "Herrenhaarschnitt", date: "2026-06-01", time: "10:00", customer_name: "Karl", customer_phone: "0176 12121212" }),
    );
    expect(booking).toMatchObject({ code: ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE, message: expect.stringMatching(/^Termine vergeben wir höchstens 60 Tage/) });
    expect(await findNextSlot(f.ctx(), { branch_id: f.mitte, service_name: "Herrenhaarschnitt", from_date: "2026-06-01" })).toMatchObject({
      found: false,
      reason: "outside_booking_window",
      message: "Termine vergeben wir höchstens 60 Tage im Voraus.",
    });
  });

  it("staff away: a wished person's absence, and everyone who offers it away", async () => {
    await addAbsence(f.ctx(ADMIN), { staff_id: f.staff.Jonas, from_date: "2026-03-20", to_date: "2026-03-20", reason: "Urlaub" });
    expect(await check({ date: "2026-03-20", staff_id: f.staff.Jonas })).toMatchObject({
      available: false,
      reason: "staff_absent",
      message: "Jonas Wagner ist am Freitag, 20.03.2026 leider nicht da.",
    });
    // Bartpflege is Jonas' alone.
    expect(await check({ date: "2026-03-20", service_name: "Bartpflege" })).toMatchObject({
      reason: "staff_absent",
      message: "Am Freitag, 20.03.2026 ist für Bartpflege leider niemand da.",
    });
  });

  it("closed: weekly hours and public holidays", async () => {
    expect(await check({ date: "2026-03-15" })).toMatchObject({ reason: "closed", message: "Am Sonntag, 15.03.2026 haben wir geschlossen." });
    expect(await check({ date: "2026-04-03" })).toMatchObject({ reason: "closed", message: "Am Freitag, 03.04.2026 ist Karfreitag, da haben wir geschlossen." });
  });

  it("fully booked: a day whose every time is taken", async () => {
    // Bartpflege on Saturday 14.03. is Jonas' alone, 09:00-14:00: fill it.
    await f.prisma.appointment.create({
      data: {
        companyId: f.companyId,
        branchId: f.mitte,
        customerId: (await f.prisma.customer.findFirstOrThrow({ where: { companyId: f.companyId } })).id,
        serviceId: f.serviceId("Bartpflege"),
        staffId: f.staff.Jonas,
        startsAt: new Date("2026-03-14T08:00:00Z"),
        endsAt: new Date("2026-03-14T13:00:00Z"),
      },
    });
    expect(await check({ date: "2026-03-14", service_name: "Bartpflege" })).toMatchObject({
      available: false,
      reason: "fully_booked",
      message: "Am Samstag, 14.03.2026 ist für Bartpflege leider schon alles ausgebucht.",
    });
  });
});

describe("special days of a branch", () => {
  it("a closure closes the slot engine and the phone's answers at once, and removing it opens again", async () => {
    expect((await check({ date: "2026-03-24" })).available).toBe(true); // read (and cached) before the closure
    const saved = await call("branch.setSpecialDay", { branch_id: f.mitte, date: "2026-03-24", closed: true, reason: "Betriebsurlaub" });
    const id = (saved.data as { special_day: { id: string } }).special_day.id;

    expect(await check({ date: "2026-03-24" })).toMatchObject({
      available: false,
      reason: "closed",
      slots: [],
      message: "Am Dienstag, 24.03.2026 haben wir geschlossen: Betriebsurlaub.",
    });
    expect(await check({ date: "2026-03-24", time: "10:00" })).toMatchObject({ reason: "closed" });
    const booking = await appError(
      bookAppointment(f.ctx(), { branch_id: f.mitte, service_name: "Herrenhaarschnitt", date: "2026-03-24", time: "10:00", customer_name: "Karl", customer_phone: "0176 12121213" }),
    );
    expect(booking).toMatchObject({ code: ErrorCodes.OUTSIDE_BUSINESS_HOURS, message: "Am Dienstag, 24.03.2026 haben wir geschlossen: Betriebsurlaub." });
    const hours = await searchKnowledge(f.ctx(), { query: "Wann haben Sie geöffnet?", branch_id: f.mitte, limit: 3 });
    expect(hours.answer).toContain("Abweichend: am Dienstag, 24.03.2026 geschlossen (Betriebsurlaub).");
    // The other branch is not affected.
    expect((await check({ branch_id: f.prenzlberg, date: "2026-03-24" })).available).toBe(true);

    await call("branch.removeSpecialDay", { special_day_id: id });
    expect((await check({ date: "2026-03-24" })).available).toBe(true);
  });

  it("special hours replace the weekly ones, even on a public holiday", async () => {
    await call("branch.setSpecialDay", { branch_id: f.mitte, date: "2026-03-21", closed: false, hours: [{ open: "10:00", close: "12:00" }], reason: "Inventur" });
    const day = await check({ date: "2026-03-21" });
    expect(day.slots[0].time).toBe("10:00");
    expect(day.slots.at(-1)!.time).toBe("11:30");
    expect(await check({ date: "2026-03-21", time: "13:00" })).toMatchObject({
      reason: "closed",
      message: expect.stringMatching(/^Am Samstag, 21.03.2026 haben wir nur von 10:00 bis 12:00 Uhr geöffnet \(Inventur\)\./),
    });

    await call("branch.setSpecialDay", { branch_id: f.mitte, date: "2026-04-03", closed: false, hours: [{ open: "10:00", close: "14:00" }] });
    expect((await check({ date: "2026-04-03" })).available).toBe(true); // Karfreitag, opened on purpose
  });

  it("lists past and coming special days, refuses open days without hours and another company's branch", async () => {
    await call("branch.setSpecialDay", { branch_id: f.mitte, date: "2026-03-02", closed: true, reason: "Wasserschaden" });
    const list = (await call("branch.listSpecialDays", { branch_id: f.mitte })).data as { special_days: Array<{ date: string; past: boolean }> };
    expect(list.special_days.find((d) => d.date === "2026-03-02")).toMatchObject({ past: true });
    expect(list.special_days.find((d) => d.date === "2026-03-21")).toMatchObject({ past: false });

    await expect(call("branch.setSpecialDay", { branch_id: f.mitte, date: "2026-03-25", closed: false })).rejects.toMatchObject({
      name: "InvalidParamsError",
      issues: [expect.objectContaining({ message: "Bitte Öffnungszeiten angeben oder den Tag als geschlossen markieren." })],
    });
    await expect(call("branch.setSpecialDay", { branch_id: "nope", date: "2026-03-25" })).rejects.toMatchObject({ code: ErrorCodes.NOT_FOUND });
  });
});
