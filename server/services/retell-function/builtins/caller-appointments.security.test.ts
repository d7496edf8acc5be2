/**
 * A caller cannot read, move or cancel someone else's appointments by saying their number:
 * find/change/cancel act on the number the call comes from; another number (or a hidden one)
 * needs the name on the appointment and its date, and nothing is read out before both match.
 * Signed requests through the real Retell custom-function door.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleCustomFunction } from "@/server/doors/retell/custom-function-door";
import { demoCall, FIXED_NOW, seededTestDb, signedRequest } from "@/server/testing/retell";

// FIXED_NOW: Wednesday 11.03.2026. Maria Müller: Do 12.03. 10:00 and Di 17.03. 16:00, Damenhaarschnitt.
const MARIA = "+4917112345670";
const STRANGER = "+4917099999999";
let db: Awaited<ReturnType<typeof seededTestDb>>;
let mariaIds: string[];

beforeAll(async () => {
  db = await seededTestDb();
  const rows = await db.prisma.appointment.findMany({ where: { customer: { phone: MARIA }, status: "scheduled" }, select: { id: true } });
  mariaIds = rows.map((r) => r.id);
  expect(mariaIds).toHaveLength(2);
});
afterAll(() => db.close());

/** `from: null` is a hidden number (Retell sends no from_number). */
async function ask(callId: string, name: string, args: Record<string, unknown>, from: string | null = STRANGER) {
  const res = await handleCustomFunction(
    signedRequest("http://localhost/api/mcp/retell/custom-function", { name, call: demoCall(callId, { from_number: from ?? undefined }), args }),
    null,
    { db: db.prisma, now: () => FIXED_NOW },
  );
  expect(res.status).toBe(200);
  const text = await res.text();
  return { text, ...(JSON.parse(text) as { success: boolean; message: string }) };
}

/** Nothing of Maria's appointments in an answer: no id, date, time or service. */
function revealsNothing(answer: { text: string }) {
  for (const secret of [...mariaIds, "12.03.2026", "17.03.2026", "10:00", "16:00", "Damenhaarschnitt", "Müller"]) {
    expect(answer.text, secret).not.toContain(secret);
  }
}

const scheduled = () => db.prisma.appointment.count({ where: { id: { in: mariaIds }, status: "scheduled" } });
const staffTasks = (callId: string) => db.prisma.task.count({ where: { call: { retellCallId: callId } } });

describe("another caller's number", () => {
  it("a signed call from +4917099999999 naming Maria's number gets nothing of hers", async () => {
    const found = await ask("call_sec_find", "find_appointments", { telefonnummer: "0171 12345670" });
    expect(found.success).toBe(false);
    expect(found.message).toBe("Damit ich Ihnen Auskunft geben darf: Auf welchen Namen ist der Termin gebucht, und an welchem Tag ist er?");
    revealsNothing(found);

    // Maria herself, calling from her number, still hears both without further questions.
    const own = await ask("call_sec_own", "find_appointments", {}, MARIA);
    expect(own.success).toBe(true);
    expect(own.text).toContain("12.03.2026");
    expect(own.text).toContain("17.03.2026");
  });

  it("moving or cancelling by her number alone changes nothing and reads out nothing", async () => {
    const cancel = await ask("call_sec_cancel", "cancel_appointment", { telefonnummer: MARIA });
    const change = await ask("call_sec_change", "change_appointment", { telefonnummer: MARIA, neues_datum: "Freitag", neue_uhrzeit: "12 Uhr" });
    const byId = await ask("call_sec_id", "cancel_appointment", { telefonnummer: MARIA, termin_id: mariaIds[0] });
    for (const answer of [cancel, change, byId]) {
      expect(answer.success).toBe(false);
      revealsNothing(answer);
    }
    expect(await scheduled()).toBe(2);

    // Booking for someone else under their number stays allowed.
    const booked = await ask("call_sec_book", "book_appointment", {
      datum: "Montag",
      uhrzeit: "12 Uhr",
      name: "Paula Partner",
      telefonnummer: "0151 23456789",
      dienstleistung: "Damenhaarschnitt",
    });
    expect(booked.success, booked.message).toBe(true);
    expect(await db.prisma.appointment.count({ where: { customer: { phone: "+4915123456789" }, status: "scheduled" } })).toBe(1);
  });

  it("a wrong name or date gets a German refusal and a task for staff; the same call then gets nothing even with the right answers", async () => {
    const wrongName = await ask("call_sec_guess", "find_appointments", { telefonnummer: MARIA, name: "Thomas Schneider", datum: "12.03." });
    expect(wrongName.success).toBe(false);
    expect(wrongName.message).toMatch(/^Dazu kann ich Ihnen am Telefon leider keine Auskunft geben\./);
    revealsNothing(wrongName);
    expect(await staffTasks("call_sec_guess")).toBe(1);

    const rightAfterwards = await ask("call_sec_guess", "cancel_appointment", { telefonnummer: MARIA, name: "Maria Müller", datum: "12.03." });
    expect(rightAfterwards.success).toBe(false);
    revealsNothing(rightAfterwards);
    expect(await scheduled()).toBe(2);

    const wrongDay = await ask("call_sec_day", "find_appointments", { telefonnummer: MARIA, name: "Maria Müller", datum: "13.03." });
    expect(wrongDay.success).toBe(false);
    revealsNothing(wrongDay);
    expect(await staffTasks("call_sec_day")).toBe(1);
  });

  it("with her name and the appointment's date, only that appointment is found", async () => {
    const found = await ask("call_sec_partner", "find_appointments", { telefonnummer: MARIA, name: "Frau Müller", datum: "Donnerstag" });
    expect(found.success).toBe(true);
    expect(found.text).toContain("12.03.2026");
    expect(found.text).not.toContain("17.03.2026");
  });
});

describe("a hidden number", () => {
  it("is asked for the number, name and date; with all three matching, the appointment can be cancelled", async () => {
    const first = await ask("call_sec_hidden", "find_appointments", {}, null);
    expect(first).toMatchObject({ success: false, message: expect.stringMatching(/^Unter welcher Telefonnummer ist der Termin gebucht\?/) });
    const numberOnly = await ask("call_sec_hidden", "find_appointments", { telefonnummer: MARIA }, null);
    expect(numberOnly.success).toBe(false);
    revealsNothing(numberOnly);

    const cancelled = await ask("call_sec_hidden", "cancel_appointment", { telefonnummer: MARIA, name: "Maria Müller", datum: "17.03." }, null);
    expect(cancelled).toMatchObject({ success: true });
    expect(await scheduled()).toBe(1);
  });
});
