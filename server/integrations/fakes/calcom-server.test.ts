import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeCalcom, type FakeCalcom } from "./calcom-server";

// The fake must reject what Cal.com rejects (and a missing API version), or client tests prove nothing.

const API_KEY = "cal_test_key";
let calcom: FakeCalcom;

beforeEach(async () => {
  calcom = await startFakeCalcom({ apiKey: API_KEY, now: () => new Date("2030-01-06T12:00:00Z") });
});

afterEach(() => calcom.close());

function call(path: string, init: { method?: string; version?: string; key?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${init.key ?? API_KEY}` };
  if (init.version) headers["cal-api-version"] = init.version;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${calcom.url}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

const validBooking = {
  start: "2030-01-07T08:00:00Z",
  eventTypeId: 1001,
  attendee: { name: "Erika", email: "erika@example.de", timeZone: "Europe/Berlin" },
};

describe("fake Cal.com", () => {
  it("answers 401 with an error envelope for a wrong or missing key", async () => {
    const wrong = await call("/event-types", { version: "2024-06-14", key: "cal_other" });
    const missing = await fetch(`${calcom.url}/event-types`, { headers: { "cal-api-version": "2024-06-14" } });

    expect(wrong.status).toBe(401);
    expect(missing.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ status: "error", path: "/v2/event-types", error: { code: "UnauthorizedException" } });
  });

  it("answers 400 when cal-api-version is missing or belongs to another endpoint group", async () => {
    const missing = await call("/event-types");
    const slotsWithBookingVersion = await call("/slots?eventTypeId=1001&start=2030-01-07&end=2030-01-07", { version: "2024-08-13" });
    const bookingWithSlotsVersion = await call("/bookings", { method: "POST", version: "2024-09-04", body: validBooking });

    expect([missing.status, slotsWithBookingVersion.status, bookingWithSlotsVersion.status]).toEqual([400, 400, 400]);
    expect((await missing.json()).error.message).toContain("2024-06-14");
    expect(calcom.state.bookings.size).toBe(0);
  });

  it("validates booking bodies like Cal.com", async () => {
    const post = (body: unknown) => call("/bookings", { method: "POST", version: "2024-08-13", body });
    const { timeZone: _dropped, ...withoutZone } = validBooking.attendee;

    const responses = await Promise.all([
      post({ ...validBooking, attendee: withoutZone }),
      post({ ...validBooking, attendee: { name: "Erika", timeZone: "Europe/Berlin" } }),
      post({ ...validBooking, attendee: { ...validBooking.attendee, timeZone: "Mars/Olympus" } }),
      post({ ...validBooking, start: "07.01.2030 09:00" }),
      post({ ...validBooking, metadata: { note: "x".repeat(501) } }),
    ]);

    expect(responses.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    expect(calcom.state.bookings.size).toBe(0);
    expect((await post(validBooking)).status).toBe(201);
  });

  it("answers slots keyed by local date with local offsets", async () => {
    const response = await call(
      "/slots?eventTypeId=1002&start=2030-01-06T23:00:00Z&end=2030-01-07T22:59:59Z&timeZone=Europe/Berlin&format=range",
      { version: "2024-09-04" },
    );

    const { data } = await response.json();
    expect(Object.keys(data)).toEqual(["2030-01-07"]);
    expect(data["2030-01-07"][0]).toEqual({ start: "2030-01-07T09:00:00.000+01:00", end: "2030-01-07T10:30:00.000+01:00" });
    // A 90-minute appointment has to end by 17:00.
    expect(data["2030-01-07"].at(-1).start).toBe("2030-01-07T15:30:00.000+01:00");
  });

  it("answers 429 with Cal.com's rate limit headers when asked to", async () => {
    calcom.state.rateLimitNext(1, 42);

    const limited = await call("/event-types", { version: "2024-06-14" });

    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-ratelimit-reset-default")).toBe("42");
    expect((await call("/event-types", { version: "2024-06-14" })).status).toBe(200);
  });
});
