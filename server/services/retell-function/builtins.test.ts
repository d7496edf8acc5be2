import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCache } from "@/server/platform/cache";
import { DEMO_PHONE_NUMBER } from "@/server/seed/demo";
import { seededTestDb, testContext } from "@/server/testing/retell";
import type { ServiceContext } from "@/server/core/types";
import { forgetConfiguredFunctions } from "./configured-list";
import { executeFunction } from "./service";

// FIXED_NOW: Wednesday 11.03.2026, 10:00 in Berlin.
const MARIA = "+4917112345670"; // Do 12.03. 10:00 and Di 17.03. 16:00, Damenhaarschnitt
const THOMAS = "+4915198765432"; // Do 12.03. 11:00 Herrenhaarschnitt, Do 19.03. 09:00 Färben
const NEW_CALLER = "+4917699887766";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let ctx: ServiceContext;

beforeAll(async () => {
  db = await seededTestDb();
  ctx = testContext(db.prisma, db.companyId, { actor: { type: "retell", id: null } });
});
afterAll(() => db.close());

function exec(name: string, args: Record<string, unknown>, callId: string, from = NEW_CALLER) {
  return executeFunction(ctx, { function_name: name, parameters: args, call_context: { call_id: callId, from_number: from, to_number: DEMO_PHONE_NUMBER } });
}

describe("collect_appointment_data", () => {
  it("names what is missing, then completes over a second call and keeps the data with the call", async () => {
    const first = await exec("collect_appointment_data", { datum: "übermorgen", name: "Max Mustermann" }, "c_collect");
    expect(first).toMatchObject({ success: false, missing_fields: ["uhrzeit", "telefonnummer", "dienstleistung"] });
    expect(first.message).toBe("Mir fehlen noch die Uhrzeit, die Telefonnummer und die gewünschte Dienstleistung.");

    const second = await exec("collect_appointment_data", { uhrzeit: "um drei", telefonnummer: "0176 99887766", dienstleistung: "Herrenschnitt" }, "c_collect");
    expect(second).toMatchObject({
      success: true,
      data: { datum: "13.03.2026", uhrzeit: "15:00", name: "Max Mustermann", telefonnummer: NEW_CALLER, dienstleistung: "Herrenhaarschnitt" },
    });
    expect(second.message).toBe("Ich habe notiert: Herrenhaarschnitt am Freitag, 13.03.2026 um 15:00 Uhr für Max Mustermann.");

    const call = await db.prisma.call.findFirstOrThrow({ where: { retellCallId: "c_collect" } });
    expect(call.collectedData).toMatchObject({ appointment: { date: "2026-03-13", time: "15:00", customerPhone: NEW_CALLER, serviceName: "Herrenhaarschnitt" } });
    expect(await getCache().get("retell:call:c_collect")).toMatchObject({ companyId: db.companyId });
  });

  it("reads 'um halb acht' inside the branch's hours: 19:30 on a long Thursday; on Friday it is closed then and says so", async () => {
    const base = { name: "A", telefonnummer: NEW_CALLER, dienstleistung: "Damenhaarschnitt" };
    const thursday = await exec("collect_appointment_data", { ...base, datum: "nächsten Donnerstag", uhrzeit: "um halb acht" }, "c_eight_thu");
    expect(thursday.data).toMatchObject({ datum: "12.03.2026", uhrzeit: "19:30", date: "2026-03-12", time: "19:30" });
    const friday = await exec("collect_appointment_data", { ...base, datum: "Freitag", uhrzeit: "um halb acht" }, "c_eight_fri");
    expect(friday).toMatchObject({ success: false, available: false, reason: "closed" });
    expect(friday.message).toMatch(/^Am Freitag, 13\.03\.2026 um 07:30 Uhr haben wir leider geschlossen\. Möglich wäre/);
    // The nearest free times that morning are offered instead.
    const offered = friday.available_slots as string[];
    expect(offered).toHaveLength(3);
    expect(offered.every((t) => t >= "09:00" && t < "13:00")).toBe(true);
    expect(friday.message).toContain(`${offered[0]}, ${offered[1]} oder ${offered[2]} Uhr.`);
    expect(friday.data).toBeUndefined();
  });

  it("takes a date without a year as the next one to come, never a past one", async () => {
    const r = await exec("collect_appointment_data", { name: "B", telefonnummer: NEW_CALLER, dienstleistung: "Färben", datum: "am zweiten März", uhrzeit: "10 Uhr" }, "c_year");
    expect(r.data).toMatchObject({ datum: "02.03.2027" });
  });

  it("answers what it did not understand", async () => {
    const r = await exec("collect_appointment_data", { name: "C", telefonnummer: NEW_CALLER, dienstleistung: "Haarschnitt", datum: "morgen", uhrzeit: "10" }, "c_unclear");
    expect(r).toMatchObject({ success: false, message: "Meinen Sie Damenhaarschnitt oder Herrenhaarschnitt?" });
  });
});

describe("availability", () => {
  it("check_availability: a free time, and a day the salon is closed", async () => {
    const free = await exec("check_availability", { datum: "morgen", uhrzeit: "12 Uhr", dienstleistung: "Bartpflege" }, "c_check");
    expect(free).toMatchObject({ success: true, available: true, datum: "12.03.2026", uhrzeit: "12:00" });
    expect(free.message).toBe("Der Termin am Donnerstag, 12.03.2026 um 12:00 Uhr ist verfügbar.");
    const sunday = await exec("check_availability", { datum: "Sonntag", uhrzeit: "11 Uhr", dienstleistung: "Bartpflege" }, "c_check");
    expect(sunday).toMatchObject({ success: true, available: false });
  });

  it("check_availability without a time lists the free times of the day", async () => {
    const day = await exec("check_availability", { datum: "Freitag", dienstleistung: "Färben" }, "c_check_day");
    expect(day.available).toBe(true);
    expect((day.freie_zeiten as string[]).length).toBeGreaterThan(0);
  });

  it("find_next_slot names the earliest free time", async () => {
    const r = await exec("find_next_slot", { dienstleistung: "Bartpflege" }, "c_next");
    expect(r.success).toBe(true);
    expect(r.message).toMatch(/^Der nächste freie Termin für Bartpflege ist am \w+, \d{2}\.\d{2}\.2026 um \d{2}:\d{2} Uhr\.$/);
  });

  it("calculate_duration adds several services", async () => {
    const r = await exec("calculate_duration", { dienstleistung: "Färben und Damenhaarschnitt" }, "c_dur");
    expect(r).toMatchObject({ success: true, duration_minutes: 135, message: "Färben und Damenhaarschnitt dauern zusammen etwa 2 Stunden und 15 Minuten." });
  });
});

describe("book_appointment", () => {
  const bookArgs = { datum: "Freitag", uhrzeit: "14 Uhr", name: "Lena Lang", dienstleistung: "Bartpflege" };
  const booked = (phone: string) => db.prisma.appointment.count({ where: { customer: { phone }, status: "scheduled" } });

  it("books with the caller's number, links the call, and a retry gets the first answer without booking again", async () => {
    const first = await exec("book_appointment", bookArgs, "c_book", "+4915111122233");
    expect(first).toMatchObject({ success: true, already_booked: false, termin: { datum: "13.03.2026", uhrzeit: "14:00", dienstleistung: "Bartpflege" } });
    const retry = await exec("book_appointment", bookArgs, "c_book", "+4915111122233");
    expect(retry).toEqual(first);
    expect(await booked("+4915111122233")).toBe(1);

    const appointment = await db.prisma.appointment.findFirstOrThrow({ where: { customer: { phone: "+4915111122233" } } });
    expect(appointment).toMatchObject({ source: "phone", retellCallId: "c_book" });
    const call = await db.prisma.call.findFirstOrThrow({ where: { retellCallId: "c_book" } });
    expect(call).toMatchObject({ appointmentId: appointment.id, customerId: appointment.customerId, outcome: "booked" });
  });

  it("two concurrent identical requests book once and get the same answer", async () => {
    const [a, b] = await Promise.all([
      exec("book_appointment", { ...bookArgs, uhrzeit: "16 Uhr" }, "c_book_race", "+4915111122244"),
      exec("book_appointment", { ...bookArgs, uhrzeit: "16 Uhr" }, "c_book_race", "+4915111122244"),
    ]);
    expect(a).toEqual(b);
    expect(a.success).toBe(true);
    expect(await booked("+4915111122244")).toBe(1);
  });

  it("the same slot asked for in other words during the same call is not booked twice", async () => {
    await exec("book_appointment", { ...bookArgs, uhrzeit: "17 Uhr" }, "c_book_words", "+4915111122255");
    const again = await exec("book_appointment", { ...bookArgs, uhrzeit: "17:00" }, "c_book_words", "+4915111122255");
    expect(again).toMatchObject({ success: true, already_booked: true });
    expect(await booked("+4915111122255")).toBe(1);
  });

  it("books from what collect_appointment_data kept for the call", async () => {
    await exec("collect_appointment_data", { datum: "Montag", uhrzeit: "halb elf", name: "Nina Neu", telefonnummer: "0151 11122266", dienstleistung: "Herrenhaarschnitt" }, "c_book_collected");
    const r = await exec("book_appointment", {}, "c_book_collected");
    expect(r).toMatchObject({ success: true, termin: { datum: "16.03.2026", uhrzeit: "10:30", dienstleistung: "Herrenhaarschnitt" } });
    expect(await booked("+4915111122266")).toBe(1);
  });

  it("says what is missing, and refuses a time in the past", async () => {
    expect(await exec("book_appointment", { datum: "Freitag" }, "c_book_missing")).toMatchObject({
      success: false,
      missing_fields: ["uhrzeit", "name", "dienstleistung"],
    });
    expect(await exec("book_appointment", { ...bookArgs, datum: "heute", uhrzeit: "9 Uhr" }, "c_book_past")).toMatchObject({ success: false, error_code: 4008 });
  });
});

describe("find, change and cancel the caller's own appointments", () => {
  it("find_appointments uses the number the caller calls from", async () => {
    const r = await exec("find_appointments", {}, "c_find", MARIA);
    expect(r).toMatchObject({ success: true });
    expect((r.termine as Array<{ datum: string }>).map((t) => t.datum)).toEqual(["12.03.2026", "17.03.2026"]);
    expect(r.message).toContain("Ich habe 2 Termine gefunden");
  });

  it("change_appointment asks which one when there are several, then moves the one named", async () => {
    const ask = await exec("change_appointment", { neues_datum: "Mittwoch nächste Woche", neue_uhrzeit: "um zwei" }, "c_change", MARIA);
    expect(ask).toMatchObject({ success: false, needs_choice: true });

    const args = { altes_datum: "Dienstag", neues_datum: "Mittwoch nächste Woche", neue_uhrzeit: "um zwei" };
    const moved = await exec("change_appointment", args, "c_change", MARIA);
    expect(moved).toMatchObject({ success: true, termin: { datum: "18.03.2026", uhrzeit: "14:00" } });
    const retry = await exec("change_appointment", args, "c_change", MARIA);
    expect(retry).toEqual(moved);
    const call = await db.prisma.call.findFirstOrThrow({ where: { retellCallId: "c_change" } });
    expect(call.outcome).toBe("changed");
  });

  it("nobody changes or cancels another caller's appointment", async () => {
    const maria = await db.prisma.appointment.findFirstOrThrow({ where: { customer: { phone: MARIA }, status: "scheduled" }, orderBy: { startsAt: "desc" } });
    const change = await exec("change_appointment", { termin_id: maria.id, neues_datum: "Freitag", neue_uhrzeit: "12 Uhr" }, "c_intruder", THOMAS);
    expect(change).toMatchObject({ success: false, message: "Diesen Termin finde ich unter Ihrer Nummer nicht." });
    const cancel = await exec("cancel_appointment", { termin_id: maria.id }, "c_intruder", NEW_CALLER);
    expect(cancel.success).toBe(false);
    expect((await db.prisma.appointment.findUniqueOrThrow({ where: { id: maria.id } })).status).toBe("scheduled");
  });

  it("cancel_appointment cancels the one on the named day, reads the policy, and a retry cancels nothing else", async () => {
    const args = { datum: "19.03." };
    const first = await exec("cancel_appointment", args, "c_cancel", THOMAS);
    expect(first).toMatchObject({ success: true, termin: { datum: "19.03.2026" } });
    expect(first.message).toContain("Stornierungen bis 24 Stunden vorher sind kostenlos.");
    const retry = await exec("cancel_appointment", args, "c_cancel", THOMAS);
    expect(retry).toEqual(first);
    const thomas = await db.prisma.customer.findFirstOrThrow({ where: { phone: THOMAS } });
    expect(thomas.cancellationCount).toBe(1);
    expect(await db.prisma.appointment.count({ where: { customerId: thomas.id, status: "scheduled" } })).toBe(1);
  });
});

describe("answer_question and configuration", () => {
  it("answers from the knowledge base of the caller's branch", async () => {
    const r = await exec("answer_question", { frage: "Was kostet Färben?" }, "c_q");
    expect(r).toMatchObject({ success: true, message: "Färben kostet 79 Euro und dauert etwa 90 Minuten." });
  });

  it("a built-in the company switched off is not run", async () => {
    await db.prisma.retellCustomFunction.create({
      data: { companyId: db.companyId, name: "calculate_duration", type: "builtin", parameterSchema: { type: "object" }, isEnabled: false },
    });
    await forgetConfiguredFunctions(db.companyId);
    await expect(exec("calculate_duration", { dienstleistung: "Färben" }, "c_off")).rejects.toMatchObject({ code: 3005 });
  });
});
