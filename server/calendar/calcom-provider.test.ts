/**
 * The Cal.com provider on its own: the real client over HTTP against the in-process fake
 * Cal.com on 127.0.0.1, a memory cache and the seeded test database.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import pino from "pino";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { CalcomClient } from "@/server/integrations/calcom/client";
import { DEFAULT_FAKE_EVENT_TYPES } from "@/server/integrations/fakes/calcom-calendar";
import { startFakeCalcom, type FakeCalcom } from "@/server/integrations/fakes/calcom-server";
import { MemoryCache } from "@/server/platform/cache/memory";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { parseCompanySettings, type CompanySettings } from "@/server/calendar/company-settings";
import { FIXED_NOW, seededTestDb } from "@/server/testing/retell";
import { CalcomCalendarProvider } from "./calcom-provider";
import type { BranchRef, ConfirmedBooking, ServiceRef, Tx } from "./provider";

// FIXED_NOW: Wednesday 11.03.2026, 10:00 Berlin. The fake offers Mon-Fri 09:00-17:00 Berlin every 30 minutes.
const API_KEY = "cal_live_0123456789abcdef";
const EVENT_TYPES = [
  ...DEFAULT_FAKE_EVENT_TYPES,
  { id: 1003, title: "Bartpflege", slug: "bartpflege", lengthInMinutes: 20 },
  { id: 1004, title: "Interne Schulung", slug: "intern", lengthInMinutes: 60, hidden: true },
];

let db: Awaited<ReturnType<typeof seededTestDb>>;
let calcom: FakeCalcom;
let elsewhere: FakeCalcom;
let settings: CompanySettings;
let mitte: BranchRef;
let herren: ServiceRef;
let faerben: ServiceRef;
let bart: ServiceRef;
let unmapped: ServiceRef;
let otherCompanyId: string;
let customerId: string;
let now: Date;
let cache: MemoryCache;
let logs: Array<Record<string, unknown>>;

const log = pino({ level: "error" }, { write: (line: string) => void logs.push(JSON.parse(line)) });

function providerFor(opts: { companyId?: string; fake?: FakeCalcom; baseUrl?: string; apiKey?: string; settings?: CompanySettings } = {}) {
  const client = new CalcomClient({ baseUrl: opts.baseUrl ?? (opts.fake ?? calcom).url, apiKey: opts.apiKey ?? API_KEY });
  return new CalcomCalendarProvider({
    db: db.prisma,
    companyId: opts.companyId ?? db.companyId,
    settings: opts.settings ?? settings,
    now: () => now,
    client,
    cache,
    log,
  });
}

const slotReads = () => calcom.state.requestsTo("GET", "/v2/slots");
const attendee = { name: "Eva Cal", phone: "+491767000001" };
const returnConfirmed = async (_tx: Tx, c: ConfirmedBooking) => c;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );

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
      externalUid: c.externalUid,
    },
  });
}

beforeAll(async () => {
  db = await seededTestDb();
  calcom = await startFakeCalcom({ apiKey: API_KEY, now: () => FIXED_NOW, eventTypes: EVENT_TYPES });
  elsewhere = await startFakeCalcom({ apiKey: API_KEY, now: () => FIXED_NOW, eventTypes: [{ id: 2001, title: "Rasur", slug: "rasur", lengthInMinutes: 15 }] });
  const company = await db.prisma.company.findUniqueOrThrow({ where: { id: db.companyId } });
  settings = parseCompanySettings(company.settings);
  mitte = await db.prisma.branch.findFirstOrThrow({ where: { companyId: db.companyId, name: { endsWith: "Mitte" } } });
  const service = (name: string, calcomEventTypeId: number | null) =>
    db.prisma.service.update({ where: { companyId_name: { companyId: db.companyId, name } }, data: { calcomEventTypeId } });
  herren = await service("Herrenhaarschnitt", 1001);
  bart = await service("Bartpflege", 1003);
  faerben = { ...(await service("Färben", null)), calcomEventTypeId: 1002 };
  unmapped = await service("Damenhaarschnitt", null);
  // Another company maps Cal.com's 1002, which this company leaves unmapped.
  const other = await db.prisma.company.create({ data: { slug: "andere", name: "Andere GmbH", settings: {} } });
  otherCompanyId = other.id;
  await db.prisma.service.create({ data: { companyId: other.id, name: "Färben", durationMinutes: 90, calcomEventTypeId: 1002 } });
  customerId = (await db.prisma.customer.findFirstOrThrow({ where: { companyId: db.companyId } })).id;
});
afterAll(async () => {
  await calcom.close();
  await elsewhere.close();
  await db.close();
});
beforeEach(() => {
  now = FIXED_NOW;
  cache = new MemoryCache();
  logs = [];
  resetCircuits();
  configureResilience("calcom", { initialDelayMs: 1, maxDelayMs: 5, halfOpenAfterMs: 60_000 });
  calcom.state.bookings.clear();
  calcom.state.blocked.splice(0);
});
afterEach(() => calcom.state.failNext(0));

describe("event types", () => {
  it("lists the visible event types with this company's service for each", async () => {
    const provider = providerFor();
    expect(provider.settings).toBe(settings);
    expect(await provider.listEventTypes()).toEqual([
      { id: 1001, title: "Herrenhaarschnitt", durationMinutes: 30, serviceId: herren.id },
      { id: 1002, title: "Färben", durationMinutes: 90, serviceId: null },
      { id: 1003, title: "Bartpflege", durationMinutes: 20, serviceId: bart.id },
    ]);
  });

  it("keeps each company's event types apart in a shared cache", async () => {
    expect((await providerFor().listEventTypes()).map((e) => e.id)).toEqual([1001, 1002, 1003]);
    const theirs = await providerFor({ companyId: otherCompanyId, fake: elsewhere }).listEventTypes();
    expect(theirs.map((e) => e.id)).toEqual([2001]);
  });

  it("drops the company's cached event types and slots with its tag calcom:<company id>", async () => {
    const provider = providerFor();
    const eventTypeReads = () => calcom.state.requestsTo("GET", "/v2/event-types").length;
    const before = { eventTypes: eventTypeReads(), slots: slotReads().length };
    const query = { branch: mitte, service: herren, from: "2026-03-12", to: "2026-03-12" };
    await provider.listEventTypes();
    await provider.availability(query);
    await provider.listEventTypes();
    await provider.availability(query);
    expect([eventTypeReads() - before.eventTypes, slotReads().length - before.slots]).toEqual([1, 1]);

    await cache.invalidateTag(`calcom:${db.companyId}`);
    await provider.listEventTypes();
    await provider.availability(query);
    expect([eventTypeReads() - before.eventTypes, slotReads().length - before.slots]).toEqual([2, 2]);
  });
});

describe("availability", () => {
  it("answers Cal.com's slots without staff, cached per event type and day", async () => {
    const provider = providerFor();
    const herrenSlots = await provider.availability({ branch: mitte, service: herren, from: "2026-03-12", to: "2026-03-12" });
    expect(herrenSlots).toHaveLength(16);
    expect(herrenSlots[0]).toEqual({ start: new Date("2026-03-12T08:00:00.000Z"), end: new Date("2026-03-12T08:30:00.000Z"), staffIds: [] });

    const colouring = await provider.availability({ branch: mitte, service: faerben, from: "2026-03-12", to: "2026-03-12" });
    expect(colouring[0].end.toISOString()).toBe("2026-03-12T09:30:00.000Z");
    const friday = await provider.availability({ branch: mitte, service: herren, from: "2026-03-13", to: "2026-03-13" });
    expect(friday[0].start.toISOString()).toBe("2026-03-13T08:00:00.000Z");
  });

  it("leaves out cached slots that have started since, including one starting right now", async () => {
    const provider = providerFor();
    const today = { branch: mitte, service: herren, from: "2026-03-11", to: "2026-03-11" };
    expect((await provider.availability(today))[0].start.toISOString()).toBe("2026-03-11T09:30:00.000Z");
    const reads = slotReads().length;
    now = new Date("2026-03-11T10:00:00.000Z"); // 11:00 Berlin, the start of a cached slot
    const later = await provider.availability(today);
    expect(slotReads().length).toBe(reads);
    expect(later[0].start.toISOString()).toBe("2026-03-11T10:30:00.000Z");
  });

  it("drops only this company's cached slots when it books", async () => {
    const ours = providerFor();
    const theirs = providerFor({ companyId: otherCompanyId });
    const query = { branch: mitte, service: herren, from: "2026-03-12", to: "2026-03-12" };
    await ours.availability(query);
    await theirs.availability(query);
    const reads = slotReads().length;
    await ours.book({ branch: mitte, service: herren, start: new Date("2026-03-12T09:00:00Z"), attendee }, returnConfirmed);
    expect(await theirs.availability(query)).toHaveLength(16);
    expect(slotReads().length).toBe(reads);
    expect(await ours.availability(query)).toHaveLength(15);
    expect(slotReads().length).toBe(reads + 1);
  });

  it("refuses a service without an event type before asking Cal.com", async () => {
    const reads = slotReads().length;
    const error = await failure(providerFor().availability({ branch: mitte, service: unmapped, from: "2026-03-12", to: "2026-03-12" }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: ErrorCodes.SERVICE_NOT_MAPPED,
      message: "Die Leistung „Damenhaarschnitt“ ist keiner Cal.com-Terminart zugeordnet.",
      details: { serviceId: unmapped.id },
    });
    expect(slotReads().length).toBe(reads);
  });
});

describe("next free slot", () => {
  // Today is 11.03., so the booking window of 8 days ends on Thursday 19.03.
  const eightDays = () => providerFor({ settings: { ...settings, bookingWindowDays: 8 } });
  const next = (from: string) => eightDays().nextFreeSlot({ branch: mitte, service: herren, from });
  const berlinDay = (day: string) => `${day}T00:00:00+01:00`;
  /** Blocks whole Berlin days at Cal.com, from `first` for `days` days. */
  const blockDays = (first: string, days: number) => calcom.state.takeSlot(berlinDay(first), days * 24 * 60);
  const rangesAskedSince = (count: number) => slotReads().slice(count).map((r) => [r.query.get("start"), r.query.get("end")]);

  it("starts today when asked from a past day and asks Cal.com one week at a time", async () => {
    const reads = slotReads().length;
    const slot = await next("2026-03-01");
    expect(slot?.start.toISOString()).toBe("2026-03-11T09:30:00.000Z");
    expect(rangesAskedSince(reads)).toEqual([["2026-03-10T23:00:00.000Z", "2026-03-17T22:59:59.999Z"]]);
  });

  it("starts at a later requested day", async () => {
    expect((await next("2026-03-13"))?.start.toISOString()).toBe("2026-03-13T08:00:00.000Z");
  });

  it("searches the following week when the first has nothing, stopping at the window's end", async () => {
    blockDays("2026-03-11", 8);
    const reads = slotReads().length;
    expect((await next("2026-03-11"))?.start.toISOString()).toBe("2026-03-19T08:00:00.000Z");
    expect(rangesAskedSince(reads)).toEqual([
      ["2026-03-10T23:00:00.000Z", "2026-03-17T22:59:59.999Z"],
      ["2026-03-17T23:00:00.000Z", "2026-03-19T22:59:59.999Z"],
    ]);
  });

  it("finds nothing when the only free slots lie after the booking window", async () => {
    blockDays("2026-03-11", 9);
    expect(await next("2026-03-11")).toBeNull();
  });

  it("searches the window's last day itself", async () => {
    expect((await next("2026-03-19"))?.start.toISOString()).toBe("2026-03-19T08:00:00.000Z");
  });
});

describe("booking", () => {
  const request = (start: string, extra: object = {}) => ({ branch: mitte, service: herren, start: new Date(start), attendee, ...extra });

  it("books at Cal.com in German with the branch zone and stores what Cal.com confirmed", async () => {
    const confirmed = await providerFor().book(request("2026-03-12T10:00:00Z", { staffId: "staff-1" }), returnConfirmed);
    const booking = calcom.state.bookings.get(confirmed.externalUid)!;
    expect(booking.attendees).toEqual([{ name: "Eva Cal", phoneNumber: "+491767000001", timeZone: "Europe/Berlin", language: "de" }]);
    expect(confirmed).toEqual({ externalUid: booking.uid, start: booking.start, end: booking.end, staffId: "staff-1" });
    const withoutStaff = await providerFor().book(request("2026-03-12T11:00:00Z"), returnConfirmed);
    expect(withoutStaff.staffId).toBeNull();
  });

  it("cancels at Cal.com and passes the error on when storing fails, storing once only", async () => {
    let stores = 0;
    const error = await failure(
      providerFor().book(request("2026-03-12T12:00:00Z"), async () => {
        stores++;
        throw new Error("outbox write failed");
      }),
    );
    expect(error).toEqual(new Error("outbox write failed"));
    expect(stores).toBe(1);
    const [booking] = calcom.state.bookings.values();
    expect(booking).toMatchObject({ status: "cancelled", cancellationReason: "Buchung konnte nicht gespeichert werden" });
    expect(logs).toEqual([]);
  });

  it("stores once more after a unique violation, adopting the row that got there first", async () => {
    let stores = 0;
    const stored = await providerFor().book(request("2026-03-12T13:00:00Z"), async (tx, c) => {
      stores++;
      const existing = await tx.appointment.findFirst({ where: { externalUid: c.externalUid } });
      if (existing) return existing;
      // A row with the same uid appears, as when Cal.com's BOOKING_CREATED webhook stored it first.
      if (stores === 1) await insertAppointment(tx, c);
      return insertAppointment(tx, c);
    });
    expect(stores).toBe(2);
    expect(stored.externalUid).toBe([...calcom.state.bookings.keys()][0]);
    expect(calcom.state.bookings.get(stored.externalUid!)?.status).toBe("accepted");
    expect(await db.prisma.appointment.count({ where: { externalUid: stored.externalUid } })).toBe(1);
  });

  it("logs a Cal.com booking it could not take back and still reports the store's error", async () => {
    const error = await failure(
      providerFor().book(request("2026-03-12T14:00:00Z"), async () => {
        calcom.state.failNext(10, 503);
        throw new Error("outbox write failed");
      }),
    );
    expect(error).toEqual(new Error("outbox write failed"));
    const [booking] = calcom.state.bookings.values();
    expect(booking.status).toBe("accepted");
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ level: 50, uid: booking.uid, msg: "calcom booking left behind after a failed local insert" });
    expect(logs[0].err).toMatchObject({ type: "AppError" });
  });

  it("refuses a service without an event type before booking at Cal.com", async () => {
    const posts = calcom.state.requestsTo("POST", "/v2/bookings").length;
    const error = await failure(providerFor().book({ ...request("2026-03-12T15:00:00Z"), service: unmapped }, returnConfirmed));
    expect(error).toMatchObject({ code: ErrorCodes.SERVICE_NOT_MAPPED });
    expect(calcom.state.requestsTo("POST", "/v2/bookings").length).toBe(posts);
  });
});

describe("rescheduling and cancelling", () => {
  const booked = () =>
    providerFor().book({ branch: mitte, service: herren, start: new Date("2026-03-16T09:00:00Z"), attendee }, returnConfirmed);
  const move = (externalUid: string | null, extra: object = {}) => ({
    appointmentId: "a-1",
    externalUid,
    branch: mitte,
    service: herren,
    start: new Date("2026-03-16T10:00:00Z"),
    reason: "Termin passt nicht",
    ...extra,
  });

  it("moves the booking at Cal.com and stores the new uid with the requested staff member", async () => {
    const { externalUid } = await booked();
    const moved = await providerFor().reschedule(move(externalUid, { staffId: "staff-2" }), returnConfirmed);
    expect(moved).toMatchObject({ start: new Date("2026-03-16T10:00:00Z"), end: new Date("2026-03-16T10:30:00Z"), staffId: "staff-2" });
    expect(moved.externalUid).not.toBe(externalUid);
    expect(calcom.state.bookings.get(moved.externalUid)?.rescheduledFromUid).toBe(externalUid);
    expect(calcom.state.bookings.get(externalUid)).toMatchObject({ status: "cancelled", cancellationReason: "Termin passt nicht" });
  });

  it("refuses to move an appointment that Cal.com does not know", async () => {
    const requests = calcom.state.requests.length;
    const error = await failure(providerFor().reschedule(move(null), returnConfirmed));
    expect(error).toMatchObject({ code: ErrorCodes.CONFLICT, message: "Dieser Termin ist nicht mit Cal.com verknüpft." });
    expect(calcom.state.requests.length).toBe(requests);
  });

  it("logs a move Cal.com made but the store could not keep, and passes the error on", async () => {
    const { externalUid } = await booked();
    const error = await failure(
      providerFor().reschedule(move(externalUid), async () => {
        throw new Error("row locked");
      }),
    );
    expect(error).toEqual(new Error("row locked"));
    const moved = calcom.state.bookings.get(externalUid)!.rescheduledToUid;
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ level: 50, uid: externalUid, newUid: moved, msg: "calcom reschedule not stored locally", err: { message: "row locked" } });
  });

  it("cancels at Cal.com before the local store", async () => {
    const { externalUid } = await booked();
    const result = await providerFor().cancel({ externalUid, reason: "Krank" }, async () => calcom.state.bookings.get(externalUid)?.status);
    expect(result).toBe("cancelled");
  });

  it("cancels only locally when Cal.com never had the booking", async () => {
    const requests = calcom.state.requests.length;
    expect(await providerFor().cancel({ externalUid: null, reason: "Krank" }, async () => "stored")).toBe("stored");
    expect(calcom.state.requests.length).toBe(requests);
  });
});

describe("connection test", () => {
  it("counts the event types", async () => {
    expect(await providerFor().testConnection()).toEqual({
      ok: true,
      message: "Verbindung zu Cal.com erfolgreich, 4 Terminarten gefunden.",
      eventTypeCount: 4,
    });
  });

  it("reports Cal.com's refusal as a failed test", async () => {
    expect(await providerFor({ apiKey: "cal_wrong_key_123" }).testConnection()).toEqual({
      ok: false,
      message: "Der Cal.com-API-Schlüssel ist ungültig.",
      eventTypeCount: 0,
    });
  });

  it("passes on errors that are not Cal.com's answer", async () => {
    await expect(providerFor({ baseUrl: "not a url" }).testConnection()).rejects.toThrow(TypeError);
  });
});
