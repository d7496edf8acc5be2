/** The calcom server on the built-in calendar (the embedded default): services are the event types. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { ErrorCodes } from "@/server/core/errors";
import { callMethod, type DoorContext } from "@/server/core/dispatch";
import { FIXED_NOW, seededTestDb } from "@/server/testing/retell";
import type * as s from "./schemas";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let door: DoorContext;
let mitte: string;
let herren: string;

beforeAll(async () => {
  db = await seededTestDb();
  door = { companyId: db.companyId, actor: { type: "user", id: "admin", role: "admin" }, correlationId: "t", db: db.prisma, now: () => FIXED_NOW };
  mitte = (await db.prisma.branch.findFirstOrThrow({ where: { companyId: db.companyId }, orderBy: { createdAt: "asc" } })).id;
  herren = (await db.prisma.service.findFirstOrThrow({ where: { companyId: db.companyId, name: "Herrenhaarschnitt" } })).id;
});
afterAll(() => db.close());

const call = <T>(method: string, params: object = {}) => callMethod(method, params, door).then((r) => r.data as T);

describe("calcom server on the built-in calendar", () => {
  it("lists the services as event types", async () => {
    const result = await call<z.output<typeof s.getEventTypesResult>>("calcom.getEventTypes");
    expect(result.provider).toBe("local");
    expect(result.event_types.map((e) => [e.title, e.length_in_minutes])).toEqual([
      ["Bartpflege", 20],
      ["Damenhaarschnitt", 45],
      ["Färben", 90],
      ["Herrenhaarschnitt", 30],
    ]);
  });

  it("answers availability over several days and refuses a range that is too long", async () => {
    const result = await call<z.output<typeof s.checkAvailabilityResult>>("calcom.checkAvailability", {
      event_type_id: herren,
      branch_id: mitte,
      date_from: "2026-03-14",
      date_to: "2026-03-16",
    });
    expect(result.timezone).toBe("Europe/Berlin");
    const days = new Set(result.available_slots.map((slot) => slot.start.slice(0, 10)));
    expect(days).toEqual(new Set(["2026-03-14", "2026-03-16"])); // Sunday closed
    expect(result.available_slots[0]).toMatchObject({ start: "2026-03-14T08:00:00.000Z", end: "2026-03-14T08:30:00.000Z" });

    const tooLong = await callMethod("calcom.checkAvailability", { event_type_id: herren, branch_id: mitte, date_from: "2026-03-14", date_to: "2026-05-14" }, door).catch((e) => e);
    expect(tooLong.code).toBe(ErrorCodes.INVALID_DATE);
  });

  it("books, moves and cancels by the local booking uid", async () => {
    const created = await call<z.output<typeof s.createBookingResult>>("calcom.createBooking", {
      service_name: "Herrenhaarschnitt",
      branch_id: mitte,
      start: "2026-03-14T10:00:00+01:00",
      attendee: { name: "Lokal Kunde", phone: "0176 8880001" },
    });
    expect(created.booking.uid).toMatch(/^local-/);
    const moved = await call<z.output<typeof s.updateBookingResult>>("calcom.updateBooking", { booking_uid: created.booking.uid, start: "2026-03-14T11:00:00+01:00" });
    expect(moved.booking).toMatchObject({ uid: created.booking.uid, start: "2026-03-14T10:00:00.000Z" });
    const cancelled = await call<z.output<typeof s.cancelBookingResult>>("calcom.cancelBooking", { booking_uid: created.booking.uid });
    expect(cancelled.booking.status).toBe("cancelled");
  });

  it("reports the built-in calendar as connected", async () => {
    expect(await call("calcom.testConnection")).toMatchObject({ provider: "local", ok: true, event_type_count: 4 });
  });
});
