/**
 * The phone agent's answers when nothing is free say why, in a short sentence for the caller:
 * check_availability for a day, for a span of days, and book_appointment's refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "@/server/core/types";
import { DEMO_PHONE_NUMBER } from "@/server/seed/demo";
import { seededTestDb, testContext } from "@/server/testing/retell";
import { executeFunction } from "./service";

// FIXED_NOW: Wednesday 11.03.2026, 10:00 in Berlin.
let db: Awaited<ReturnType<typeof seededTestDb>>;
let ctx: ServiceContext;
beforeAll(async () => {
  db = await seededTestDb();
  ctx = testContext(db.prisma, db.companyId, { actor: { type: "retell", id: null } });
  const mitte = await db.prisma.branch.findFirstOrThrow({ where: { companyId: db.companyId }, orderBy: { createdAt: "asc" } });
  await db.prisma.branchSpecialDay.create({
    data: { companyId: db.companyId, branchId: mitte.id, date: new Date("2026-04-20T00:00:00Z"), closed: true, reason: "Betriebsurlaub" },
  });
  const jonas = await db.prisma.staff.findFirstOrThrow({ where: { companyId: db.companyId, name: "Jonas Wagner" } });
  // Jonas alone offers Bartpflege; he is away the whole of next week.
  await db.prisma.staffAbsence.create({ data: { staffId: jonas.id, startsAt: new Date("2026-03-15T23:00:00Z"), endsAt: new Date("2026-03-20T23:00:00Z"), reason: "Urlaub" } });
});
afterAll(() => db.close());

const exec = (name: string, args: Record<string, unknown>, callId: string) =>
  executeFunction(ctx, { function_name: name, parameters: args, call_context: { call_id: callId, from_number: "+4917699887766", to_number: DEMO_PHONE_NUMBER } });

describe("no free time on the phone", () => {
  it("a day beyond the booking window", async () => {
    const answer = await exec("check_availability", { datum: "01.06.2026", dienstleistung: "Herrenhaarschnitt" }, "c_window");
    expect(answer).toMatchObject({ available: false, reason: "outside_booking_window" });
    expect(answer.message).toBe("Termine vergeben wir höchstens 60 Tage im Voraus, der Montag, 01.06.2026 liegt noch außerhalb.");
  });

  it("a span of days on which the only person offering it is away", async () => {
    const answer = await exec("check_availability", { datum: "nächste Woche Montag bis Mittwoch", dienstleistung: "Bartpflege" }, "c_span");
    expect(answer).toMatchObject({ available: false });
    expect(answer.message).toMatch(/Bartpflege leider niemand da\.$/);
  });

  it("a booking on a special closing day", async () => {
    const answer = await exec(
      "book_appointment",
      { datum: "20.04.2026", uhrzeit: "10:00", name: "Karl Neu", telefonnummer: "0176 99887766", dienstleistung: "Herrenhaarschnitt" },
      "c_closed",
    );
    expect(JSON.stringify(answer)).not.toContain("kein Termin mehr frei");
    expect(answer.message).toMatch(/^Am Montag, 20\.04\.2026 haben wir geschlossen: Betriebsurlaub\./);
  });
});
