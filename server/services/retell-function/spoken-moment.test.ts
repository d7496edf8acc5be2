import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PHONE_NUMBER } from "@/server/seed/demo";
import { seededTestDb, testContext } from "@/server/testing/retell";
import type { ServiceContext } from "@/server/core/types";
import { executeFunction } from "./service";

// Wednesday 11.03.2026, 10:00 in Berlin. Demo hours: Mon–Wed and Fri 09–18, Thu 09–20, Sat 09–14,
// Sunday closed; the Prenzlauer Berg branch is given 08–22 on Mondays below.
const CALLER = "+4917699880011";
const LONG_HOURS_NUMBER = "+49304445566";
let longHoursBranch = "";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let ctx: ServiceContext;

beforeAll(async () => {
  db = await seededTestDb();
  ctx = testContext(db.prisma, db.companyId, { actor: { type: "retell", id: null } });
  const branch = await db.prisma.branch.findFirstOrThrow({ where: { companyId: db.companyId, phone: LONG_HOURS_NUMBER } });
  longHoursBranch = branch.id;
  await db.prisma.branch.update({
    where: { id: branch.id },
    data: { businessHours: { weekly: { 1: [{ open: "08:00", close: "22:00" }], 6: [{ open: "09:00", close: "14:00" }] } } },
  });
});
afterAll(() => db.close());

/** A call to the demo number, or (longHours) one about the branch open 08–22 on Mondays. */
function exec(name: string, args: Record<string, unknown>, callId: string, longHours?: "longHours") {
  const branch = longHours ? { branch_id: longHoursBranch } : {};
  return executeFunction(ctx, { function_name: name, parameters: args, call_context: { call_id: callId, from_number: CALLER, to_number: DEMO_PHONE_NUMBER, ...branch } });
}

const haircut = { dienstleistung: "Herrenhaarschnitt" };

describe("a time said without a part of day", () => {
  it("is the reading inside the opening hours when only one fits", async () => {
    const r = await exec("check_availability", { ...haircut, datum: "Freitag", uhrzeit: "um drei" }, "m_one");
    expect(r).toMatchObject({ time: "15:00", uhrzeit: "15:00", date: "13.03.2026" });
  });

  it("when no reading fits, says the branch is closed then and offers the nearest free times, never 02:45 at night", async () => {
    const r = await exec("check_availability", { ...haircut, datum: "Samstag", uhrzeit: "viertel vor drei" }, "m_none");
    expect(r).toMatchObject({ available: false, reason: "closed", time: "14:45" });
    expect(r.message).toMatch(/^Am Samstag, 14\.03\.2026 um 14:45 Uhr haben wir leider geschlossen\. Möglich wären \d\d:\d\d, \d\d:\d\d oder \d\d:\d\d Uhr\.$/);
    const offered = r.available_slots as string[];
    expect(offered).toHaveLength(3);
    expect(offered.every((t) => t >= "09:00" && t < "14:00")).toBe(true);
  });

  it("when both readings fit, asks 'vormittags oder nachmittags?' and books nothing", async () => {
    const args = { ...haircut, datum: "Montag", uhrzeit: "um neun", name: "Udo Unklar" };
    const check = await exec("check_availability", args, "m_both", "longHours");
    expect(check).toMatchObject({ success: false, needs_clarification: true, options: ["09:00", "21:00"] });
    expect(check.message).toBe("Vormittags oder nachmittags? Meinen Sie 09:00 Uhr oder 21:00 Uhr?");
    const book = await exec("book_appointment", args, "m_both_book", "longHours");
    expect(book).toMatchObject({ success: false, needs_clarification: true });
    expect(await db.prisma.appointment.count({ where: { customer: { phone: CALLER } } })).toBe(0);
  });

  it("with a part of day is taken as said, and outside the hours it is said to be closed", async () => {
    const evening = await exec("check_availability", { ...haircut, datum: "Montag", uhrzeit: "um neun Uhr abends" }, "m_part", "longHours");
    expect(evening).toMatchObject({ time: "21:00" });
    const night = await exec("collect_appointment_data", { ...haircut, datum: "Freitag", uhrzeit: "um zwei Uhr nachts", name: "N", telefonnummer: CALLER }, "m_night");
    expect(night).toMatchObject({ success: false, reason: "closed", time: "02:00" });
    expect(night.message).toMatch(/^Am Freitag, 13\.03\.2026 um 02:00 Uhr haben wir leider geschlossen\./);
  });

  it("on a holiday names the holiday", async () => {
    const withTime = await exec("check_availability", { ...haircut, datum: "Karfreitag", uhrzeit: "um zehn" }, "m_holiday");
    expect(withTime).toMatchObject({ available: false, reason: "closed" });
    expect(withTime.message).toMatch(/^Am Freitag, 03\.04\.2026 ist Karfreitag, da haben wir geschlossen\./);
    const day = await exec("check_availability", { ...haircut, datum: "Ostermontag" }, "m_holiday_day");
    expect(day).toMatchObject({ available: false, message: "Am Montag, 06.04.2026 ist Ostermontag, da haben wir geschlossen." });
  });
});

describe("days callers name loosely", () => {
  it("'Anfang nächster Woche' lists the free times of Monday to Wednesday", async () => {
    const r = await exec("check_availability", { ...haircut, datum: "Anfang nächster Woche" }, "m_span");
    expect(r).toMatchObject({ success: true, available: true });
    expect((r.days as Array<{ date: string }>).map((d) => d.date)).toEqual(["16.03.2026", "17.03.2026", "18.03.2026"]);
    expect(r.message).toMatch(/^Am Montag, 16\.03\.2026 sind noch Termine frei, .* Am Dienstag, 17\.03\.2026 .* Am Mittwoch, 18\.03\.2026 /);
  });

  it("a span is asked back when one day is needed", async () => {
    const r = await exec("book_appointment", { ...haircut, datum: "Ende nächster Woche", uhrzeit: "10 Uhr", name: "S" }, "m_span_book");
    expect(r).toMatchObject({ success: false, error_code: 4002, message: "An welchem Tag genau?" });
  });

  it("words that are no date are asked back, never guessed", async () => {
    const r = await exec("check_availability", { ...haircut, datum: "irgendwann mal" }, "m_unclear");
    expect(r).toMatchObject({ success: false, error_code: 4002, message: "Das Datum habe ich nicht verstanden." });
    const t = await exec("check_availability", { ...haircut, datum: "Freitag", uhrzeit: "so früh wie möglich" }, "m_unclear_time");
    expect(t).toMatchObject({ success: false, error_code: 4002, message: "Die Uhrzeit habe ich nicht verstanden." });
  });
});

describe("answers carry the specification's keys next to the German ones", () => {
  it("check_availability: available, available_slots, date", async () => {
    const r = await exec("check_availability", { ...haircut, datum: "Freitag" }, "k_check");
    expect(r).toMatchObject({ available: true, date: "13.03.2026", datum: "13.03.2026" });
    expect(r.available_slots).toEqual(r.freie_zeiten);
    expect((r.available_slots as string[]).length).toBeGreaterThan(0);
  });

  it("collect_appointment_data: data.date, time, customer_name, customer_phone, service", async () => {
    const r = await exec("collect_appointment_data", { ...haircut, datum: "Freitag", uhrzeit: "halb elf", name: "Kai Key", telefonnummer: "0176 99880011" }, "k_collect");
    expect(r.data).toMatchObject({
      date: "2026-03-13", time: "10:30", customer_name: "Kai Key", customer_phone: CALLER, service: "Herrenhaarschnitt",
      email: null, preferred_staff: null, notes: null,
    });
  });

  it("book_appointment and find_appointments: appointment(s) with date, time, service, staff, branch", async () => {
    const booked = await exec("book_appointment", { ...haircut, datum: "Freitag", uhrzeit: "halb zwölf", name: "Kai Key", telefonnummer: CALLER }, "k_book");
    expect(booked).toMatchObject({ success: true, appointment: { date: "13.03.2026", time: "11:30", service: "Herrenhaarschnitt" } });
    const found = await exec("find_appointments", {}, "k_find");
    expect(found).toMatchObject({ found: true, count: 1 });
    expect(found.appointments).toEqual([
      expect.objectContaining({ date: "13.03.2026", time: "11:30", service: "Herrenhaarschnitt", branch: "Salon Schönschnitt Mitte", can_modify: true }),
    ]);
  });
});
