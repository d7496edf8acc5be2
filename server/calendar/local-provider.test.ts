import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { parseCompanySettings } from "@/server/calendar/company-settings";
import { seededTestDb, FIXED_NOW } from "@/server/testing/retell";
import { instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { LocalCalendarProvider } from "./local-provider";
import type { BranchRef, ConfirmedBooking, ServiceRef, Tx } from "./provider";

// FIXED_NOW: Wednesday 11.03.2026, 10:00 Berlin. The demo seed books Thursday 12.03.:
// 10:00 Anna (Damen), 11:00 Jonas (Herren, +10 min buffer), 14:00 Leonie (Färben).
const TZ = "Europe/Berlin";
const at = (day: string, time: string) => zonedDateTimeToInstant(day, time, TZ);

let db: Awaited<ReturnType<typeof seededTestDb>>;
let provider: LocalCalendarProvider;
let mitte: BranchRef;
let herren: ServiceRef;
let staff: Record<string, string>;
let customerId: string;

beforeAll(async () => {
  db = await seededTestDb();
  const company = await db.prisma.company.findUniqueOrThrow({ where: { id: db.companyId } });
  provider = new LocalCalendarProvider({
    db: db.prisma,
    companyId: db.companyId,
    settings: parseCompanySettings(company.settings),
    now: () => FIXED_NOW,
  });
  mitte = await db.prisma.branch.findFirstOrThrow({ where: { companyId: db.companyId, name: { endsWith: "Mitte" } } });
  herren = await db.prisma.service.findFirstOrThrow({ where: { companyId: db.companyId, name: "Herrenhaarschnitt" } });
  staff = Object.fromEntries((await db.prisma.staff.findMany()).map((s) => [s.name.split(" ")[0], s.id]));
  customerId = (await db.prisma.customer.findFirstOrThrow({ where: { companyId: db.companyId } })).id;
});
afterAll(() => db.close());

/** The store step the appointments service passes: insert the row from what was confirmed. */
function insertAppointment(tx: Tx, c: ConfirmedBooking) {
  return tx.appointment.create({
    data: {
      companyId: db.companyId,
      branchId: mitte.id,
      customerId,
      serviceId: herren.id,
      staffId: c.staffId,
      startsAt: c.start,
      endsAt: c.end,
      bufferMinutes: herren.bufferMinutes,
      externalUid: c.externalUid,
    },
  });
}

const book = (time: string, staffId?: string) =>
  provider.book(
    { branch: mitte, service: herren, start: at("2026-03-12", time), staffId, attendee: { name: "Test", phone: "+4917100000000" } },
    insertAppointment,
  );

describe("local availability", () => {
  it("offers Thursday's men's cuts around Jonas' 11:00 appointment, its buffer and the lunch break", async () => {
    const slots = await provider.availability({ branch: mitte, service: herren, from: "2026-03-12", to: "2026-03-12" });
    const times = slots.map((s) => s.start.toISOString());
    expect(times[0]).toBe(at("2026-03-12", "10:00").toISOString()); // Jonas starts at 10:00
    expect(times).not.toContain(at("2026-03-12", "11:00").toISOString()); // Jonas busy, Leonie starts at 12:00
    expect(times).not.toContain(at("2026-03-12", "11:15").toISOString()); // 11:15-11:45 overlaps the buffer until 11:40
    expect(times).toContain(at("2026-03-12", "11:45").toISOString());
    expect(times).not.toContain(at("2026-03-12", "12:45").toISOString()); // 12:45-13:15 crosses the break
    const noon = slots.find((s) => s.start.getTime() === at("2026-03-12", "12:00").getTime());
    expect(noon?.staffIds).toEqual([staff.Jonas, staff.Leonie]);
  });

  it("leaves out a staff member during an absence", async () => {
    const slotAt = async (time: string) =>
      (await provider.availability({ branch: mitte, service: herren, from: "2026-03-13", to: "2026-03-13" })).find(
        (s) => s.start.getTime() === at("2026-03-13", time).getTime(),
      );
    expect((await slotAt("16:00"))?.staffIds).toEqual([staff.Jonas, staff.Leonie]);
    await db.prisma.staffAbsence.create({
      data: { staffId: staff.Jonas, startsAt: at("2026-03-13", "15:30"), endsAt: at("2026-03-13", "17:00"), reason: "Arzttermin" },
    });
    expect((await slotAt("16:00"))?.staffIds).toEqual([staff.Leonie]);
  });

  it("reads opening hours in Berlin time across the switch to summer time", async () => {
    // Friday 27.03. is still winter time (UTC+1), Monday 30.03. summer time (UTC+2).
    const before = await provider.availability({ branch: mitte, service: herren, from: "2026-03-27", to: "2026-03-27" });
    const after = await provider.availability({ branch: mitte, service: herren, from: "2026-03-30", to: "2026-03-30" });
    expect(before[0].start.toISOString()).toBe("2026-03-27T09:00:00.000Z");
    expect(after[0].start.toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(after.at(-1)?.end.toISOString()).toBe("2026-03-30T16:00:00.000Z"); // the branch closes at 18:00 local
  });

  it("honours minimum notice today and finds the next free slot", async () => {
    const next = await provider.nextFreeSlot({ branch: mitte, service: herren, from: "2026-03-11" });
    // Now is 10:00 with 60 minutes notice: the first aligned start is 11:00 today.
    expect(next?.start.toISOString()).toBe(at("2026-03-11", "11:00").toISOString());
  });

  it("skips Good Friday, a nationwide holiday, when searching forward", async () => {
    const next = await provider.nextFreeSlot({ branch: mitte, service: herren, from: "2026-04-03" });
    expect(next?.start.toISOString()).toBe(at("2026-04-04", "09:00").toISOString()); // Saturday, Jonas 09:00-14:00
  });
});

describe("searching forward a week at a time", () => {
  /** A provider whose reads of appointments are recorded as the local days they cover. */
  function recordingProvider(bookingWindowDays: number) {
    const loads: Array<[string, string]> = [];
    const margin = (herren.durationMinutes + herren.bufferMinutes) * 60_000;
    const recorded = db.prisma.$extends({
      query: {
        // The busy read of loadSlotInput: its first two instants are the earliest appointment start
        // it reads (a day before the first day) and the window's end (last day's end plus one appointment).
        $queryRaw({ args, query }) {
          const sql = args as unknown as { sql: string; values: unknown[] };
          if (sql.sql.includes("FROM appointments")) {
            const [gte, lt] = sql.values.filter((v): v is Date => v instanceof Date);
            const day = (ms: number) => instantToLocal(new Date(ms), TZ).date;
            loads.push([day(gte.getTime() + 24 * 60 * 60_000), day(lt.getTime() - margin - 1)]);
          }
          return query(args);
        },
      },
    }) as unknown as PrismaClient;
    const settings = { ...provider.settings, bookingWindowDays };
    return { loads, provider: new LocalCalendarProvider({ db: recorded, companyId: db.companyId, settings, now: () => FIXED_NOW }) };
  }

  it("loads from today, one week, when asked from a past day", async () => {
    const { loads, provider: recording } = recordingProvider(60);
    const next = await recording.nextFreeSlot({ branch: mitte, service: herren, from: "2026-03-01" });
    expect(next?.start.toISOString()).toBe(at("2026-03-11", "11:00").toISOString());
    expect(loads).toEqual([["2026-03-11", "2026-03-17"]]);
  });

  it("searches the booking window's last day and loads nothing after it", async () => {
    // Ten days from Wednesday 11.03., 10:00: the window ends on Saturday 21.03. at 10:00.
    const { loads, provider: recording } = recordingProvider(10);
    const next = await recording.nextFreeSlot({ branch: mitte, service: herren, from: "2026-03-21" });
    expect(next?.start.toISOString()).toBe(at("2026-03-21", "09:00").toISOString());
    expect(loads).toEqual([["2026-03-21", "2026-03-21"]]);
  });
});

describe("event types and connection", () => {
  it("lists and counts only the company's active services", async () => {
    const before = await provider.listEventTypes();
    expect(before.map((e) => e.title)).toEqual(["Bartpflege", "Damenhaarschnitt", "Färben", "Herrenhaarschnitt"]);
    expect(before.find((e) => e.title === "Herrenhaarschnitt")).toEqual({ id: herren.id, title: "Herrenhaarschnitt", durationMinutes: 30, serviceId: herren.id });
    const other = await db.prisma.company.create({ data: { slug: "andere", name: "Andere GmbH", settings: {} } });
    await db.prisma.service.create({ data: { companyId: other.id, name: "Rasur", durationMinutes: 15 } });
    await db.prisma.service.create({ data: { companyId: db.companyId, name: "Dauerwelle", durationMinutes: 120, isActive: false } });

    expect(await provider.listEventTypes()).toEqual(before);
    expect(await provider.testConnection()).toEqual({ ok: true, message: "Der eingebaute Kalender ist aktiv.", eventTypeCount: 4 });
  });
});

describe("local booking", () => {
  it("books a free slot with the preferred staff member and refuses the same slot twice", async () => {
    const first = await book("16:00", staff.Leonie);
    expect(first.staffId).toBe(staff.Leonie);
    expect(first.externalUid).toMatch(/^local-/);
    const error = await book("16:00", staff.Leonie).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE);
    expect((error as AppError).details).toEqual({ start: at("2026-03-12", "16:00").toISOString() });
    // Without a preference the other free colleague takes it.
    expect((await book("16:00")).staffId).toBe(staff.Jonas);
  });

  it("lets exactly one of 20 parallel attempts on one staff member's slot win", async () => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => book("17:00", staff.Leonie)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect((r.reason as AppError).code).toBe(ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE);
    }
    const rows = await db.prisma.appointment.count({ where: { staffId: staff.Leonie, startsAt: at("2026-03-12", "17:00") } });
    expect(rows).toBe(1);
  });

  it("moves an appointment onto a time that only its own old booking occupied", async () => {
    const appointment = await book("18:00", staff.Leonie);
    const moved = await provider.reschedule(
      {
        appointmentId: appointment.id,
        externalUid: appointment.externalUid,
        branch: mitte,
        service: herren,
        start: at("2026-03-12", "18:15"),
        staffId: staff.Leonie,
        reason: "test",
      },
      (tx, c) => tx.appointment.update({ where: { id: appointment.id }, data: { startsAt: c.start, endsAt: c.end } }),
    );
    expect(moved.startsAt.toISOString()).toBe(at("2026-03-12", "18:15").toISOString());
    expect(moved.externalUid).toBe(appointment.externalUid);
  });

  it("gives a moved appointment without a booking uid a new local one", async () => {
    const appointment = await provider.book(
      { branch: mitte, service: herren, start: at("2026-03-16", "10:00"), attendee: { name: "Test", phone: "+4917100000000" } },
      insertAppointment,
    );
    const moved = await provider.reschedule(
      { appointmentId: appointment.id, externalUid: null, branch: mitte, service: herren, start: at("2026-03-16", "10:30"), reason: "test" },
      (tx, c) => tx.appointment.update({ where: { id: appointment.id }, data: { startsAt: c.start, endsAt: c.end, externalUid: c.externalUid } }),
    );
    expect(moved.externalUid).toMatch(/^local-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(moved.externalUid).not.toBe(appointment.externalUid);
  });

  it("does not store anything when the store step fails", async () => {
    const failing = provider.book(
      { branch: mitte, service: herren, start: at("2026-03-12", "19:00"), attendee: { name: "T", phone: "+4917100000000" } },
      async (tx, c) => {
        await insertAppointment(tx, c);
        throw new Error("outbox write failed");
      },
    );
    await expect(failing).rejects.toThrow("outbox write failed");
    expect(await db.prisma.appointment.count({ where: { startsAt: at("2026-03-12", "19:00") } })).toBe(0);
  });
});
