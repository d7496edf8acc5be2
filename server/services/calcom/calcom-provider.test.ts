/**
 * The company's calendar is Cal.com: every method runs through the gateway's callMethod and
 * the real Cal.com client over HTTP against the in-process fake on 127.0.0.1.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { ErrorCodes } from "@/server/core/errors";
import { startFakeCalcom, type FakeCalcom } from "@/server/integrations/fakes/calcom-server";
import { callMethod, type DoorContext } from "@/server/core/dispatch";
import { signCalcomWebhook } from "@/server/integrations/calcom/webhook-signature";
import { logger } from "@/server/platform/logger";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { calcomWebhookDoor } from "@/server/doors/calcom/webhook-door";
import { FIXED_NOW, seededTestDb } from "@/server/testing/retell";
import type { z } from "zod";
import type * as a from "@/server/services/appointments/schemas";
import type * as s from "./schemas";

const API_KEY = "cal_live_0123456789abcdef";
const WEBHOOK_SECRET = "whsec_0123456789abcdef0123";
let db: Awaited<ReturnType<typeof seededTestDb>>;
let calcom: FakeCalcom;
let door: DoorContext;
let mitte: string;

type Results = {
  "calcom.getConnection": z.output<typeof s.getConnectionResult>;
  "calcom.updateConnection": z.output<typeof s.updateConnectionResult>;
  "calcom.testConnection": z.output<typeof s.testConnectionResult>;
  "calcom.getEventTypes": z.output<typeof s.getEventTypesResult>;
  "calcom.checkAvailability": z.output<typeof s.checkAvailabilityResult>;
  "calcom.createBooking": z.output<typeof s.createBookingResult>;
  "calcom.updateBooking": z.output<typeof s.updateBookingResult>;
  "calcom.cancelBooking": z.output<typeof s.cancelBookingResult>;
  "appointments.book": z.output<typeof a.bookResult>;
  "appointments.checkAvailability": z.output<typeof a.checkAvailabilityResult>;
};
const call = <M extends keyof Results>(method: M, params: object = {}, actor: DoorContext["actor"] = door.actor) =>
  callMethod(method, params, { ...door, actor }).then((r) => r.data as Results[M]);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: { code: number; message: string; retryAfter?: number }) => e,
  );
const RETELL = { type: "retell" as const, id: null };
const book = (time: string, phone: string, extra: object = {}) =>
  call(
    "appointments.book",
    { branch_id: mitte, service_name: "Herrenhaarschnitt", date: "2026-03-12", time, customer_name: "Eva Cal", customer_phone: phone, ...extra },
    RETELL,
  );

beforeAll(async () => {
  db = await seededTestDb();
  calcom = await startFakeCalcom({ apiKey: API_KEY, now: () => FIXED_NOW });
  door = { companyId: db.companyId, actor: { type: "user", id: "admin", role: "admin" }, correlationId: "t", db: db.prisma, now: () => FIXED_NOW };
  mitte = (await db.prisma.branch.findFirstOrThrow({ where: { companyId: db.companyId }, orderBy: { createdAt: "asc" } })).id;
  await db.prisma.service.updateMany({ where: { companyId: db.companyId, name: "Herrenhaarschnitt" }, data: { calcomEventTypeId: 1001 } });
  await db.prisma.service.updateMany({ where: { companyId: db.companyId, name: "Färben" }, data: { calcomEventTypeId: 1002 } });
  await call("calcom.updateConnection", { provider: "calcom", base_url: calcom.url, api_key: API_KEY });
});
afterAll(async () => {
  await calcom.close();
  await db.close();
});
beforeEach(() => {
  setCache(new MemoryCache());
  resetCircuits();
  configureResilience("calcom", { initialDelayMs: 1, maxDelayMs: 5, halfOpenAfterMs: 60_000 });
  calcom.state.delayMs = 0;
});
afterEach(() => calcom.state.failNext(0));

describe("connection", () => {
  it("stores the key encrypted and shows it only masked", async () => {
    const { connection } = await call("calcom.getConnection");
    expect(connection).toMatchObject({ provider: "calcom", base_url: calcom.url, api_key: "cal_••••••••cdef", webhook_secret_set: false });
    expect(connection.webhook_url).toMatch(/\/api\/mcp\/calcom\/webhook\?company=demo$/);
    const row = await db.prisma.calendarConnection.findUniqueOrThrow({ where: { companyId: db.companyId } });
    expect(row.apiKeyEnc).not.toContain(API_KEY);
  });

  it("tests the connection and remembers the outcome", async () => {
    expect(await call("calcom.testConnection")).toMatchObject({ ok: true, provider: "calcom", event_type_count: 2 });
    await call("calcom.updateConnection", { provider: "calcom", api_key: "cal_wrong_key_123" });
    expect(await call("calcom.testConnection")).toMatchObject({ ok: false, message: "Der Cal.com-API-Schlüssel ist ungültig." });
    expect((await db.prisma.calendarConnection.findUniqueOrThrow({ where: { companyId: db.companyId } })).lastTestStatus).toBe("failed");
    await call("calcom.updateConnection", { provider: "calcom", api_key: API_KEY });
  });
});

describe("event types and availability", () => {
  it("lists Cal.com's event types with their services, cached for 300 s", async () => {
    const herren = await db.prisma.service.findFirstOrThrow({ where: { companyId: db.companyId, name: "Herrenhaarschnitt" } });
    const before = calcom.state.requestsTo("GET", "/v2/event-types").length;
    const first = await call("calcom.getEventTypes");
    await call("calcom.getEventTypes");
    expect(first.provider).toBe("calcom");
    expect(first.event_types).toContainEqual({ id: 1001, title: "Herrenhaarschnitt", length_in_minutes: 30, service_id: herren.id });
    expect(calcom.state.requestsTo("GET", "/v2/event-types").length - before).toBe(1);
  });

  it("answers availability from Cal.com, caches it for 60 s and drops the cache after a booking", async () => {
    const params = { event_type_id: 1001, date_from: "2026-03-12", date_to: "2026-03-12", timezone: "Europe/Berlin" };
    const slots = await call("calcom.checkAvailability", params);
    expect(slots.available_slots).toHaveLength(16);
    expect(slots.available_slots[0]).toMatchObject({ start: "2026-03-12T08:00:00.000Z", end: "2026-03-12T08:30:00.000Z" });
    const reads = () => calcom.state.requestsTo("GET", "/v2/slots").length;
    const afterFirst = reads();
    await call("calcom.checkAvailability", params);
    expect(reads()).toBe(afterFirst);

    await book("09:00", "0176 7000001");
    const fresh = await call("calcom.checkAvailability", params);
    expect(reads()).toBe(afterFirst + 1);
    expect(fresh.available_slots).toHaveLength(15);
  });

  it("answers the phone's availability question from Cal.com", async () => {
    const answer = await call(
      "appointments.checkAvailability",
      { branch_id: mitte, service_name: "Herrenhaarschnitt", date: "2026-03-12", time: "09:00" },
      RETELL,
    );
    expect(answer).toMatchObject({ available: false, reason: "taken" });
    expect(answer.message).toBe("Am Donnerstag, 12.03.2026 um 09:00 Uhr ist leider kein Termin frei. Möglich wären 09:30, 10:00 oder 10:30 Uhr.");
  });
});

describe("bookings through Cal.com", () => {
  it("books at Cal.com and stores the booking with Cal.com's uid", async () => {
    const result = await book("11:00", "0176 7000002", { customer_email: "eva@example.de" });
    const booking = [...calcom.state.bookings.values()].find((b) => b.uid === result.appointment.external_uid)!;
    expect(booking.attendees[0]).toMatchObject({ name: "Eva Cal", phoneNumber: "+491767000002", email: "eva@example.de", timeZone: "Europe/Berlin" });
    expect(booking.start.toISOString()).toBe("2026-03-12T10:00:00.000Z");
    expect(result.appointment).toMatchObject({ staff: "Beliebiger Mitarbeiter", staff_id: null, time: "11:00" });
    expect(result.message).toBe("Ihr Termin für Herrenhaarschnitt am Donnerstag, 12.03.2026 um 11:00 Uhr ist gebucht.");
    const last = calcom.state.requestsTo("POST", "/v2/bookings").at(-1)!;
    expect(last.headers["cal-api-version"]).toBe("2024-08-13");
    expect(last.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("refuses a slot Cal.com reports as taken, storing nothing", async () => {
    calcom.state.takeSlot("2026-03-12T12:00:00Z");
    const before = await db.prisma.appointment.count();
    expect(await failure(book("13:00", "0176 7000003"))).toMatchObject({ code: ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE });
    expect(await db.prisma.appointment.count()).toBe(before);
  });

  it("moves a booking at Cal.com and keeps the new uid", async () => {
    const booked = await book("14:00", "0176 7000004");
    const oldUid = booked.appointment.external_uid!;
    const moved = await call("calcom.updateBooking", { booking_uid: oldUid, start: "2026-03-16T14:30:00+01:00", reschedule_reason: "Termin passt nicht" });
    expect(moved.message).toBe("Ihr Termin wurde auf 16.03.2026 um 14:30 Uhr verschoben.");
    expect(moved.booking.uid).not.toBe(oldUid);
    expect(calcom.state.bookings.get(oldUid)?.status).toBe("cancelled");
    expect(calcom.state.bookings.get(moved.booking.uid!)?.start.toISOString()).toBe("2026-03-16T13:30:00.000Z");
  });

  it("cancels at Cal.com first, then locally", async () => {
    const booked = await book("15:00", "0176 7000005");
    const result = await call("calcom.cancelBooking", { appointment_id: booked.appointment.id, cancellation_reason: "Krank" });
    expect(result.appointment.status).toBe("cancelled");
    expect(calcom.state.bookings.get(booked.appointment.external_uid!)).toMatchObject({ status: "cancelled", cancellationReason: "Krank" });
  });

  it("books through calcom.createBooking by event type and start instant", async () => {
    const result = await call("calcom.createBooking", {
      event_type_id: 1002,
      branch_id: mitte,
      start: "2026-03-13T09:00:00+01:00",
      attendee: { name: "Ida Farbe", phone: "+49 176 7000006" },
    });
    expect(result.booking).toMatchObject({ status: "scheduled", start: "2026-03-13T08:00:00.000Z", end: "2026-03-13T09:30:00.000Z" });
    expect(result.appointment.service).toBe("Färben");
  });
});

describe("Cal.com outages", () => {
  it("opens the circuit when Cal.com keeps failing and answers 2004 with retry_after", async () => {
    calcom.state.failNext(1000, 503);
    const params = { event_type_id: 1001, date_from: "2026-03-17", date_to: "2026-03-17" };
    const first = await failure(call("calcom.checkAvailability", params));
    expect(first).toMatchObject({ code: ErrorCodes.CALCOM_BOOKING_FAILED });
    await failure(call("calcom.checkAvailability", params)); // 3 + 3 attempts: the breaker (5) opens
    const requestsWhileOpen = calcom.state.requests.length;

    const refused = await failure(book("10:00", "0176 7000007", { date: "2026-03-17" }));
    expect(refused).toMatchObject({ code: ErrorCodes.CALCOM_BOOKING_FAILED, message: expect.stringContaining("nicht erreichbar") });
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(calcom.state.requests.length).toBe(requestsWhileOpen); // the open circuit never called Cal.com
    expect(await db.prisma.customer.count({ where: { phone: "+491767000007" } })).toBe(0);
  });

  it("never stores a booking whose answer timed out, and sends it only once", async () => {
    configureResilience("calcom", { timeoutMs: 100 });
    calcom.state.delayMs = 400;
    const posts = calcom.state.requestsTo("POST", "/v2/bookings").length;
    const error = await failure(book("10:00", "0176 7000008", { date: "2026-03-18" }));
    expect(error.code).toBe(ErrorCodes.CALCOM_BOOKING_FAILED);
    expect(calcom.state.requestsTo("POST", "/v2/bookings").length).toBe(posts + 1);
    expect(await db.prisma.appointment.count({ where: { customer: { phone: "+491767000008" } } })).toBe(0);

    // Cal.com did create it; its BOOKING_CREATED webhook brings the booking in, so nothing is lost.
    const orphan = [...calcom.state.bookings.values()].find((b) => b.attendees[0]?.phoneNumber === "+491767000008")!;
    await call("calcom.updateConnection", { provider: "calcom", webhook_secret: WEBHOOK_SECRET });
    const raw = JSON.stringify({
      triggerEvent: "BOOKING_CREATED",
      payload: { uid: orphan.uid, eventTypeId: orphan.eventTypeId, startTime: orphan.start.toISOString(), endTime: orphan.end.toISOString(), attendees: orphan.attendees },
    });
    const answer = await calcomWebhookDoor(
      new Request("http://localhost/api/mcp/calcom/webhook?company=demo", {
        method: "POST",
        headers: { "x-cal-signature-256": signCalcomWebhook(raw, WEBHOOK_SECRET) },
        body: raw,
      }),
      { db: db.prisma, now: () => FIXED_NOW, log: logger },
    );
    expect(answer.status).toBe(200);
    const mirrored = await db.prisma.appointment.findFirstOrThrow({ where: { externalUid: orphan.uid } });
    expect(mirrored).toMatchObject({ source: "calcom", startsAt: new Date("2026-03-18T09:00:00.000Z") });
  });

  it("answers 2004 when Cal.com cannot be reached at all, storing nothing", async () => {
    const down = await startFakeCalcom({ apiKey: API_KEY });
    const closedUrl = down.url;
    await down.close();
    await call("calcom.updateConnection", { provider: "calcom", base_url: closedUrl });
    try {
      const error = await failure(book("10:00", "0176 7000009", { date: "2026-03-19" }));
      expect(error).toMatchObject({ code: ErrorCodes.CALCOM_BOOKING_FAILED, message: expect.stringContaining("nicht erreichbar") });
      expect(error.retryAfter).toBeGreaterThan(0);
      expect(await db.prisma.customer.count({ where: { phone: "+491767000009" } })).toBe(0);
    } finally {
      await call("calcom.updateConnection", { provider: "calcom", base_url: calcom.url });
    }
  });

  it("passes Cal.com's rate limit on with its wait time", async () => {
    calcom.state.rateLimitNext(1, 45);
    const error = await failure(call("calcom.checkAvailability", { event_type_id: 1001, date_from: "2026-03-19", date_to: "2026-03-19" }));
    expect(error).toMatchObject({ code: ErrorCodes.CALCOM_BOOKING_FAILED, retryAfter: 45 });
  });
});
