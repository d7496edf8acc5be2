import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { CalcomClient, type NewBooking } from "./client";
import { startFakeCalcom, type FakeCalcom } from "@/server/integrations/fakes/calcom-server";

const API_KEY = "cal_test_key";
// Sunday noon; Monday 2030-01-07 is fully open, Europe/Berlin is UTC+1 in January.
const NOW = new Date("2030-01-06T12:00:00Z");
const MONDAY_9 = new Date("2030-01-07T08:00:00Z");

let calcom: FakeCalcom;
let client: CalcomClient;

beforeEach(async () => {
  resetCircuits();
  configureResilience("calcom", { initialDelayMs: 1, maxDelayMs: 5 });
  calcom = await startFakeCalcom({ apiKey: API_KEY, now: () => NOW });
  client = new CalcomClient({ baseUrl: calcom.url, apiKey: API_KEY });
});

afterEach(() => calcom.close());

function booking(overrides: Partial<NewBooking> = {}): NewBooking {
  return {
    eventTypeId: 1001,
    start: MONDAY_9,
    attendee: { name: "Erika Mustermann", phoneNumber: "+4915112345678", timeZone: "Europe/Berlin", language: "de" },
    metadata: { callId: "call_123" },
    ...overrides,
  };
}

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("requests", () => {
  it("lists event types with the bearer key and the event-types API version", async () => {
    const eventTypes = await client.getEventTypes();

    expect(eventTypes.map((e) => [e.id, e.slug, e.lengthInMinutes])).toEqual([
      [1001, "herrenhaarschnitt", 30],
      [1002, "faerben", 90],
    ]);
    const [request] = calcom.state.requests;
    expect(request.path).toBe("/v2/event-types");
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.headers["cal-api-version"]).toBe("2024-06-14");
  });

  it("asks for slots of whole local days as UTC instants, in range format", async () => {
    const slots = await client.getSlots({ eventTypeId: 1001, start: "2030-01-07", end: "2030-01-07", timeZone: "Europe/Berlin" });

    const [request] = calcom.state.requestsTo("GET", "/v2/slots");
    expect(request.headers["cal-api-version"]).toBe("2024-09-04");
    expect(Object.fromEntries(request.query)).toEqual({
      eventTypeId: "1001",
      start: "2030-01-06T23:00:00.000Z",
      end: "2030-01-07T22:59:59.999Z",
      timeZone: "Europe/Berlin",
      format: "range",
    });
    expect(slots).toHaveLength(16);
    expect(slots[0]).toEqual({ start: MONDAY_9, end: new Date("2030-01-07T08:30:00Z") });
    expect(slots[15].start).toEqual(new Date("2030-01-07T15:30:00Z"));
  });

  it("flattens several days in order, across a daylight saving change", async () => {
    const slots = await client.getSlots({ eventTypeId: 1001, start: "2030-03-29", end: "2030-04-01", timeZone: "Europe/Berlin" });

    expect(slots).toHaveLength(32);
    expect(slots[0].start).toEqual(new Date("2030-03-29T08:00:00Z"));
    expect(slots[16].start).toEqual(new Date("2030-04-01T07:00:00Z"));
    const starts = slots.map((s) => s.start.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("passes a requested duration and leaves out booked times", async () => {
    await client.createBooking(booking());

    const slots = await client.getSlots({
      eventTypeId: 1001,
      start: "2030-01-07",
      end: "2030-01-07",
      timeZone: "Europe/Berlin",
      duration: 60,
    });

    expect(calcom.state.requestsTo("GET", "/v2/slots")[0].query.get("duration")).toBe("60");
    expect(slots[0]).toEqual({ start: new Date("2030-01-07T08:30:00Z"), end: new Date("2030-01-07T09:30:00Z") });
    expect(slots.at(-1)?.start).toEqual(new Date("2030-01-07T15:00:00Z"));
  });

  it("creates a booking and returns Cal.com's record of it", async () => {
    const created = await client.createBooking(booking());

    const [request] = calcom.state.requestsTo("POST", "/v2/bookings");
    expect(request.headers["cal-api-version"]).toBe("2024-08-13");
    expect(request.body).toEqual({
      eventTypeId: 1001,
      start: "2030-01-07T08:00:00.000Z",
      attendee: { name: "Erika Mustermann", phoneNumber: "+4915112345678", timeZone: "Europe/Berlin", language: "de" },
      metadata: { callId: "call_123" },
    });
    expect(created).toMatchObject({
      status: "accepted",
      start: MONDAY_9,
      end: new Date("2030-01-07T08:30:00Z"),
      eventTypeId: 1001,
      metadata: { callId: "call_123" },
      attendees: [{ name: "Erika Mustermann", phoneNumber: "+4915112345678" }],
    });
    expect(calcom.state.bookings.get(created.uid)?.status).toBe("accepted");
  });

  it("reschedules to a new uid that points back to the old booking", async () => {
    const original = await client.createBooking(booking());

    const moved = await client.rescheduleBooking(original.uid, {
      start: new Date("2030-01-07T10:00:00Z"),
      reschedulingReason: "Anrufer kann erst später",
    });

    expect(moved.uid).not.toBe(original.uid);
    expect(moved.rescheduledFromUid).toBe(original.uid);
    expect(moved.start).toEqual(new Date("2030-01-07T10:00:00Z"));
    expect(calcom.state.requestsTo("POST", `/v2/bookings/${original.uid}/reschedule`)[0].headers["cal-api-version"]).toBe(
      "2024-08-13",
    );
    const old = await client.getBooking(original.uid);
    expect(old).toMatchObject({ status: "cancelled", rescheduledToUid: moved.uid });
  });

  it("cancels a booking with a reason and reads it back", async () => {
    const { uid } = await client.createBooking(booking());

    const cancelled = await client.cancelBooking(uid, { cancellationReason: "Krank" });

    expect(cancelled).toMatchObject({ uid, status: "cancelled", cancellationReason: "Krank" });
    expect(await client.getBooking(uid)).toMatchObject({ status: "cancelled" });
    expect(calcom.state.requestsTo("GET", `/v2/bookings/${uid}`)[0].headers["cal-api-version"]).toBe("2024-08-13");
  });

  it("tests the connection by listing event types", async () => {
    await expect(client.testConnection()).resolves.toEqual({ eventTypeCount: 2 });
    expect(calcom.state.requests.map((r) => r.path)).toEqual(["/v2/event-types"]);
  });
});

describe("error mapping", () => {
  it("maps a rejected API key to 2001", async () => {
    const wrongKey = new CalcomClient({ baseUrl: calcom.url, apiKey: "cal_wrong" });

    const error = await appError(wrongKey.testConnection());

    expect(error.code).toBe(ErrorCodes.CALCOM_INVALID_API_KEY);
    expect(calcom.state.requests).toHaveLength(1);
  });

  it("maps an unknown event type to 2002 for slots and for bookings", async () => {
    const slots = await appError(client.getSlots({ eventTypeId: 9, start: "2030-01-07", end: "2030-01-07", timeZone: "Europe/Berlin" }));
    const created = await appError(client.createBooking(booking({ eventTypeId: 9 })));

    expect(slots.code).toBe(ErrorCodes.CALCOM_EVENT_TYPE_NOT_FOUND);
    expect(created.code).toBe(ErrorCodes.CALCOM_EVENT_TYPE_NOT_FOUND);
  });

  it("maps a taken slot to 2003, whether booked through us or elsewhere", async () => {
    await client.createBooking(booking());
    calcom.state.takeSlot("2030-01-07T09:00:00Z");

    const doubleBooked = await appError(client.createBooking(booking()));
    const takenElsewhere = await appError(client.createBooking(booking({ start: new Date("2030-01-07T09:00:00Z") })));

    expect(doubleBooked.code).toBe(ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE);
    expect(doubleBooked.message).toBe("Dieser Termin ist leider nicht mehr frei.");
    expect(takenElsewhere.code).toBe(ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE);
    expect(calcom.state.bookings.size).toBe(1);
  });

  it("maps a time in the past or outside opening hours to 2003 as well", async () => {
    const past = await appError(client.createBooking(booking({ start: new Date("2030-01-04T08:00:00Z") })));
    const evening = await appError(client.createBooking(booking({ start: new Date("2030-01-07T19:00:00Z") })));
    const moved = await appError(
      client.rescheduleBooking((await client.createBooking(booking())).uid, { start: new Date("2030-01-12T08:00:00Z") }),
    );

    expect([past.code, evening.code, moved.code]).toEqual([
      ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE,
      ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE,
      ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE,
    ]);
  });

  it("maps other rejected requests to 2004 without a retry hint", async () => {
    const error = await appError(
      client.createBooking(booking({ attendee: { name: "Ohne Kontakt", timeZone: "Europe/Berlin" } })),
    );

    expect(error.code).toBe(ErrorCodes.CALCOM_BOOKING_FAILED);
    expect(error.retryAfter).toBeUndefined();
    expect(error.details).toMatchObject({ status: 400, message: expect.stringContaining("email or phoneNumber") });
  });

  it("maps an unknown booking uid to NOT_FOUND", async () => {
    const read = await appError(client.getBooking("missing-uid"));
    const cancel = await appError(client.cancelBooking("missing-uid"));

    expect(read.code).toBe(ErrorCodes.NOT_FOUND);
    expect(cancel.code).toBe(ErrorCodes.NOT_FOUND);
  });

  it("rejects an impossible local day before calling Cal.com", async () => {
    const error = await appError(client.getSlots({ eventTypeId: 1001, start: "2030-02-30", end: "2030-03-01", timeZone: "Europe/Berlin" }));

    expect(error.code).toBe(ErrorCodes.INVALID_DATE);
    expect(calcom.state.requests).toHaveLength(0);
  });

  it("reports an answer of the wrong shape as 2004 and does not retry it", async () => {
    let hits = 0;
    const odd = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "success", data: [{ id: "not-a-number" }] }));
    });
    await new Promise<void>((resolve) => odd.listen(0, "127.0.0.1", resolve));
    const oddClient = new CalcomClient({ baseUrl: `http://127.0.0.1:${(odd.address() as AddressInfo).port}/v2`, apiKey: API_KEY });

    const error = await appError(oddClient.getEventTypes());
    odd.closeAllConnections();
    odd.close();

    expect(error.code).toBe(ErrorCodes.CALCOM_BOOKING_FAILED);
    expect(hits).toBe(1);
  });
});
