import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { circuitStates, configureResilience, resetCircuits } from "@/server/platform/resilience";
import { CalcomClient, type NewBooking } from "./client";
import { startFakeCalcom, type FakeCalcom } from "@/server/integrations/fakes/calcom-server";

const API_KEY = "cal_test_key";
const NOW = new Date("2030-01-06T12:00:00Z");
const MONDAY = { eventTypeId: 1001, start: "2030-01-07", end: "2030-01-07", timeZone: "Europe/Berlin" };
const BOOKING: NewBooking = {
  eventTypeId: 1001,
  start: new Date("2030-01-07T08:00:00Z"),
  attendee: { name: "Erika Mustermann", email: "erika@example.de", timeZone: "Europe/Berlin" },
};

let calcom: FakeCalcom;
let client: CalcomClient;

beforeEach(async () => {
  resetCircuits();
  configureResilience("calcom", { initialDelayMs: 1, maxDelayMs: 5, halfOpenAfterMs: 60_000 });
  calcom = await startFakeCalcom({ apiKey: API_KEY, now: () => NOW });
  client = new CalcomClient({ baseUrl: calcom.url, apiKey: API_KEY });
});

afterEach(() => calcom.close());

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const bookingPosts = () => calcom.state.requestsTo("POST", "/v2/bookings");
const slotReads = () => calcom.state.requestsTo("GET", "/v2/slots");

describe("retries", () => {
  it("retries slot reads after 503 but sends a booking exactly once", async () => {
    calcom.state.failNext(2, 503);
    await expect(client.getSlots(MONDAY)).resolves.toHaveLength(16);
    expect(slotReads()).toHaveLength(3);

    calcom.state.failNext(1, 503);
    const error = await appError(client.createBooking(BOOKING));

    expect(bookingPosts()).toHaveLength(1);
    expect(error.code).toBe(ErrorCodes.CALCOM_BOOKING_FAILED);
    expect(error.retryAfter).toBe(60);
    expect(calcom.state.bookings.size).toBe(0);
  });

  it("sends a booking again when the first connection was refused", async () => {
    const probe = await startFakeCalcom({ apiKey: API_KEY });
    const port = Number(new URL(probe.url).port);
    await probe.close();
    let late: FakeCalcom | undefined;
    // Real fetch; the server comes up only after the first attempt was refused.
    const fetchStartingServer: typeof fetch = async (input, init) => {
      try {
        return await fetch(input, init);
      } catch (refused) {
        late ??= await startFakeCalcom({ apiKey: API_KEY, port, now: () => NOW });
        throw refused;
      }
    };
    const lateClient = new CalcomClient({ baseUrl: `http://127.0.0.1:${port}/v2`, apiKey: API_KEY, fetch: fetchStartingServer });

    const created = await lateClient.createBooking(BOOKING);
    await late?.close();

    expect(created.status).toBe("accepted");
    expect(late?.state.requestsTo("POST", "/v2/bookings")).toHaveLength(1);
  });
});

describe("rate limits", () => {
  it("answers a 429 with the announced wait and does not retry", async () => {
    calcom.state.rateLimitNext(1, 37);

    const error = await appError(client.getSlots(MONDAY));

    expect(error.code).toBe(ErrorCodes.CALCOM_BOOKING_FAILED);
    expect(error.retryAfter).toBe(37);
    expect(slotReads()).toHaveLength(1);
    await expect(client.getSlots(MONDAY)).resolves.toHaveLength(16);
  });
});

describe("timeouts", () => {
  it("gives up on a slow server: a booking once, a read three times", async () => {
    const impatient = new CalcomClient({ baseUrl: calcom.url, apiKey: API_KEY, timeoutMs: 100 });
    calcom.state.delayMs = 300;

    const booking = await appError(impatient.createBooking(BOOKING));
    const read = await appError(impatient.getEventTypes());

    expect(booking.code).toBe(ErrorCodes.CALCOM_BOOKING_FAILED);
    expect(booking.retryAfter).toBe(60);
    expect(read.code).toBe(ErrorCodes.CALCOM_BOOKING_FAILED);
    // Cal.com did book it before the answer came too late: a retry would have booked twice.
    expect(bookingPosts()).toHaveLength(1);
    expect(calcom.state.bookings.size).toBe(1);
    expect(calcom.state.requestsTo("GET", "/v2/event-types")).toHaveLength(3);
  });
});

describe("circuit breaker", () => {
  it("opens after five consecutive failures and then fails fast without calling Cal.com", async () => {
    calcom.state.failNext(100, 500);
    for (let i = 0; i < 5; i++) await appError(client.createBooking(BOOKING));
    expect(bookingPosts()).toHaveLength(5);
    expect(circuitStates().calcom).toBe("open");

    const error = await appError(client.createBooking(BOOKING));

    expect(bookingPosts()).toHaveLength(5);
    expect(error.code).toBe(ErrorCodes.CALCOM_BOOKING_FAILED);
    expect(error.message).toBe("Der Kalender ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute erneut.");
    expect(error.retryAfter).toBeGreaterThan(55);
    expect(error.retryAfter).toBeLessThanOrEqual(60);
  });

  it("counts every failed attempt of a retried read", async () => {
    calcom.state.failNext(100, 502);

    await appError(client.getEventTypes());
    await appError(client.getEventTypes());
    await appError(client.getEventTypes());

    // 3 attempts, then 2 more until the fifth failure opens the circuit, then none.
    expect(calcom.state.requests).toHaveLength(5);
  });

  it("recovers through half-open trial calls once Cal.com answers again, closing after the second success", async () => {
    configureResilience("calcom", { halfOpenAfterMs: 100 });
    calcom.state.failNext(5, 503);
    for (let i = 0; i < 5; i++) await appError(client.createBooking(BOOKING));
    await appError(client.getEventTypes());
    expect(calcom.state.requests).toHaveLength(5);

    await new Promise((resolve) => setTimeout(resolve, 120));
    const created = await client.createBooking(BOOKING);

    expect(created.status).toBe("accepted");
    expect(circuitStates().calcom).toBe("half_open");
    await expect(client.getEventTypes()).resolves.toHaveLength(2);
    expect(circuitStates().calcom).toBe("closed");
  });

  it("does not open for answers that blame the request", async () => {
    await client.createBooking(BOOKING);
    for (let i = 0; i < 6; i++) await appError(client.createBooking(BOOKING));

    expect(circuitStates().calcom).toBe("closed");
    expect(bookingPosts()).toHaveLength(7);
  });
});
