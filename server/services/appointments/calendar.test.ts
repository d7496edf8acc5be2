import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCodes } from "@/server/core/errors";
import { seedOtherDemoCompany } from "@/server/seed/other-company";
import { appError, appointmentsFixture, DASHBOARD, FIXED_NOW } from "@/server/testing/appointment-fixtures";
import { testContext } from "@/server/testing/retell";
import { zonedDateTimeToInstant } from "@/server/scheduling/time";
import { calendarView } from "./calendar";

// FIXED_NOW is Wednesday 11.03.2026; the seed's next workdays are Thu 12.03., Fri 13.03., Mon 16.03. …
let f: Awaited<ReturnType<typeof appointmentsFixture>>;
let otherCompanyId: string;
beforeAll(async () => {
  f = await appointmentsFixture();
  otherCompanyId = await seedOtherDemoCompany(f.prisma, { now: FIXED_NOW });
});
afterAll(() => f.db.close());

const berlin = (local: string) => zonedDateTimeToInstant(local.slice(0, 10), local.slice(11), "Europe/Berlin");
const view = (params: { branch_id?: string; date: string; days?: 1 | 7 }, ctx = f.ctx(DASHBOARD)) => calendarView(ctx, { days: 1, ...params });
const times = (intervals: Array<{ start: string; end: string }>) => intervals.map((i) => `${i.start}-${i.end}`);
const column = (result: Awaited<ReturnType<typeof view>>, name: string) => result.staff.find((s) => s.name === name)!;

describe("appointments.calendar", () => {
  it("shows the branch's active staff with working hours ∩ opening hours minus the lunch break, and the day's appointments only", async () => {
    const thursday = await view({ branch_id: f.mitte, date: "2026-03-12" });
    expect(thursday.staff.map((s) => s.name)).toEqual(["Anna Becker", "Jonas Wagner", "Leonie Schmidt"]);
    expect(thursday.days[0]).toMatchObject({ date: "2026-03-12", closed: false, holiday: null, special_day: null });
    expect(times(thursday.days[0].opening)).toEqual(["09:00-20:00"]); // Thursday: late opening
    expect(times(thursday.days[0].breaks)).toEqual(["13:00-13:30"]);
    expect(times(column(thursday, "Anna Becker").days[0].working)).toEqual(["09:00-13:00", "13:30-17:00"]);
    expect(times(column(thursday, "Leonie Schmidt").days[0].working)).toEqual(["12:00-13:00", "13:30-20:00"]);
    expect(thursday.hours).toEqual({ start: "09:00", end: "20:00" });
    expect(column(thursday, "Anna Becker").days[0].working[0].starts_at).toBe("2026-03-12T08:00:00.000Z");

    expect(thursday.appointments.map((a) => [a.start_time, a.end_time, a.customer_name, a.service, a.status])).toEqual([
      ["10:00", "10:45", "Maria Müller", "Damenhaarschnitt", "scheduled"],
      ["11:00", "11:30", "Thomas Schneider", "Herrenhaarschnitt", "scheduled"],
      ["14:00", "15:30", "Sabine Fischer", "Färben", "scheduled"],
    ]);
    expect(thursday.appointments[0].staff_id).toBe(f.staff.Anna);
    expect(thursday.appointments.every((a) => a.date === "2026-03-12")).toBe(true);
  });

  it("leaves out cancelled appointments but keeps completed and no-show ones with their status", async () => {
    const maria = await f.appointmentAt("+4917112345670", "2026-03-17T16:00");
    const sabine = await f.prisma.appointment.findFirstOrThrow({ where: { companyId: f.companyId, startsAt: berlin("2026-03-19T09:00") } });
    await f.prisma.appointment.update({ where: { id: maria.id }, data: { status: "cancelled" } });
    await f.prisma.appointment.update({ where: { id: sabine.id }, data: { status: "no_show" } });
    const week = await view({ branch_id: f.mitte, date: "2026-03-16", days: 7 });
    expect(week.appointments.map((a) => [a.date, a.start_time, a.status])).toEqual([["2026-03-19", "09:00", "no_show"]]);
  });

  it("shows the staff's absences with their hours, clipped to each day of a week", async () => {
    await f.prisma.staffAbsence.createMany({
      data: [
        { staffId: f.staff.Jonas, startsAt: berlin("2026-03-12T14:00"), endsAt: berlin("2026-03-12T16:00"), reason: "Arzttermin" },
        { staffId: f.staff.Anna, startsAt: berlin("2026-03-23T12:00"), endsAt: berlin("2026-03-25T00:00"), reason: "Urlaub" },
        { staffId: f.staff.Mehmet, startsAt: berlin("2026-03-12T09:00"), endsAt: berlin("2026-03-12T17:00"), reason: "Krank" },
      ],
    });
    const thursday = await view({ branch_id: f.mitte, date: "2026-03-12" });
    expect(column(thursday, "Jonas Wagner").days[0].absences).toEqual([
      { start: "14:00", end: "16:00", starts_at: "2026-03-12T13:00:00.000Z", ends_at: "2026-03-12T15:00:00.000Z", reason: "Arzttermin" },
    ]);
    expect(column(thursday, "Anna Becker").days[0].absences).toEqual([]);
    // Mehmet works in the other branch: neither his column nor his absence appears here.
    expect(thursday.staff.some((s) => s.id === f.staff.Mehmet)).toBe(false);

    const week = await view({ branch_id: f.mitte, date: "2026-03-23", days: 7 });
    expect(column(week, "Anna Becker").days.map((d) => times(d.absences))).toEqual([["12:00-24:00"], ["00:00-24:00"], [], [], [], [], []]);
  });

  it("closes the branch on a closure, shortens a special day, and names public holidays", async () => {
    await f.prisma.branchSpecialDay.createMany({
      data: [
        { companyId: f.companyId, branchId: f.mitte, date: new Date("2026-03-13T00:00:00Z"), closed: true, reason: "Betriebsausflug" },
        { companyId: f.companyId, branchId: f.mitte, date: new Date("2026-03-16T00:00:00Z"), closed: false, hours: [{ open: "10:00", close: "14:00" }], reason: "Inventur" },
        // The other branch's closure does not close this one.
        { companyId: f.companyId, branchId: f.prenzlberg, date: new Date("2026-03-12T00:00:00Z"), closed: true, reason: "Umbau" },
      ],
    });
    const days = await view({ branch_id: f.mitte, date: "2026-03-12", days: 7 });
    expect(days.days.map((d) => [d.date, d.closed, d.closed_reason])).toEqual([
      ["2026-03-12", false, null],
      ["2026-03-13", true, "Betriebsausflug"],
      ["2026-03-14", false, null],
      ["2026-03-15", true, "Geschlossen"], // Sunday: no opening hours
      ["2026-03-16", false, null],
      ["2026-03-17", false, null],
      ["2026-03-18", false, null],
    ]);
    expect(days.days[1].special_day).toEqual({ closed: true, reason: "Betriebsausflug" });
    expect(column(days, "Anna Becker").days[1].working).toEqual([]);
    expect(times(days.days[4].opening)).toEqual(["10:00-14:00"]);
    expect(times(column(days, "Anna Becker").days[4].working)).toEqual(["10:00-13:00", "13:30-14:00"]);
    expect(times(column(days, "Leonie Schmidt").days[4].working)).toEqual(["12:00-13:00", "13:30-14:00"]);

    const goodFriday = await view({ branch_id: f.mitte, date: "2026-04-03" });
    expect(goodFriday.days[0]).toMatchObject({ closed: true, closed_reason: "Karfreitag", holiday: "Karfreitag", opening: [], breaks: [] });
    expect(goodFriday.staff.every((s) => s.days[0].working.length === 0)).toBe(true);

    // A special day decides before the holiday rule: open on Easter Monday from 10 to 14.
    await f.prisma.branchSpecialDay.create({
      data: { companyId: f.companyId, branchId: f.mitte, date: new Date("2026-04-06T00:00:00Z"), closed: false, hours: [{ open: "10:00", close: "14:00" }], reason: "Ostermarkt" },
    });
    const easterMonday = await view({ branch_id: f.mitte, date: "2026-04-06" });
    expect(easterMonday.days[0]).toMatchObject({ closed: false, holiday: "Ostermontag", special_day: { closed: false, reason: "Ostermarkt" } });
    expect(times(column(easterMonday, "Jonas Wagner").days[0].working)).toEqual(["10:00-13:00", "13:30-14:00"]);
  });

  it("gives a DST week its real instants: the same wall clock is an hour earlier in UTC after the change", async () => {
    const week = await view({ branch_id: f.mitte, date: "2026-03-23", days: 7 }); // Sunday 29.03. switches to summer time
    const jonas = column(week, "Jonas Wagner").days;
    expect(jonas[5].working.map((w) => [w.start, w.starts_at])).toEqual([["09:00", "2026-03-28T08:00:00.000Z"]]); // Saturday, winter time
    const nextMonday = await view({ branch_id: f.mitte, date: "2026-03-30" });
    expect(column(nextMonday, "Jonas Wagner").days[0].working[0]).toMatchObject({ start: "10:00", starts_at: "2026-03-30T08:00:00.000Z" });
  });

  it("defaults to the first branch and never shows another company's branch, staff or appointments", async () => {
    const other = testContext(f.prisma, otherCompanyId, { actor: DASHBOARD, now: FIXED_NOW });
    const physio = await view({ date: "2026-03-14" }, other); // their seeded appointment: three days after FIXED_NOW
    expect(physio.branch.name).toBe("Physiotherapie am Park");
    expect(physio.staff.map((s) => s.name)).toEqual(["Eva Lind"]);
    expect(physio.appointments.map((a) => a.customer_name)).toEqual(["Hanna Berg"]);

    expect(await appError(view({ branch_id: f.mitte, date: "2026-03-12" }, other))).toMatchObject({ code: ErrorCodes.BRANCH_NOT_RESOLVED });
    const salonDefault = await view({ date: "2026-03-14", days: 7 });
    expect(salonDefault.branch.id).toBe(f.mitte);
    expect(salonDefault.appointments.some((a) => a.customer_name === "Hanna Berg")).toBe(false);
  });
});
