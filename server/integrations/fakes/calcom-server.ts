/**
 * An in-process Cal.com API v2 for tests, local development and e2e runs. It speaks the
 * documented envelopes and is stricter than Cal.com where that catches client bugs: a
 * missing or wrong `cal-api-version` is answered 400 instead of silently using an old shape.
 *
 *   const calcom = await startFakeCalcom({ apiKey: "cal_test" });
 *   new CalcomClient({ baseUrl: calcom.url, apiKey: "cal_test" });
 *   calcom.state.failNext(2); calcom.state.takeSlot("2030-01-07T09:00:00Z");
 */
import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import {
  bearerToken,
  describeIssues,
  matchRoute,
  startFakeHttpServer,
  type FakeResponse,
  type FakeRoute,
  type RecordedRequest,
} from "./http-server";
import {
  DEFAULT_FAKE_EVENT_TYPES,
  DEFAULT_FAKE_SCHEDULE,
  FakeCalcomState,
  addMinutes,
  type FakeBooking,
  type FakeEventType,
  type FakeSchedule,
} from "./calcom-calendar";

export { FakeCalcomState, type FakeBooking, type FakeEventType, type FakeSchedule } from "./calcom-calendar";

export interface FakeCalcomOptions {
  apiKey: string;
  /** 0 (default) picks a free port. */
  port?: number;
  eventTypes?: FakeEventType[];
  schedule?: FakeSchedule;
  /** Clock for "in the past" and for which slots are still offered. */
  now?: () => Date;
}

export interface FakeCalcom {
  /** API base including /v2, ready for `CalcomClient({ baseUrl })`. */
  url: string;
  state: FakeCalcomState;
  close(): Promise<void>;
}

const TAKEN = "User either already has booking at this time or is not available";

export async function startFakeCalcom(options: FakeCalcomOptions): Promise<FakeCalcom> {
  const state = new FakeCalcomState(
    options.eventTypes ?? DEFAULT_FAKE_EVENT_TYPES,
    options.schedule ?? DEFAULT_FAKE_SCHEDULE,
    options.now ?? (() => new Date()),
  );
  const server = await startFakeHttpServer({
    port: options.port,
    faults: state,
    dialect: { errorBody, rateLimitHeaders },
    handle: (request) => route(state, options.apiKey, request),
  });
  return { url: `${server.origin}/v2`, state, close: server.close };
}

type Handler = (state: FakeCalcomState, request: RecordedRequest, params: string[]) => FakeResponse;

interface Route extends FakeRoute<Handler> {
  version: string;
}

const routes: Route[] = [
  { method: "GET", path: /^\/v2\/event-types$/, version: "2024-06-14", handle: listEventTypes },
  { method: "GET", path: /^\/v2\/slots$/, version: "2024-09-04", handle: listSlots },
  { method: "POST", path: /^\/v2\/bookings$/, version: "2024-08-13", handle: createBooking },
  { method: "GET", path: /^\/v2\/bookings\/([^/]+)$/, version: "2024-08-13", handle: getBooking },
  { method: "POST", path: /^\/v2\/bookings\/([^/]+)\/reschedule$/, version: "2024-08-13", handle: rescheduleBooking },
  { method: "POST", path: /^\/v2\/bookings\/([^/]+)\/cancel$/, version: "2024-08-13", handle: cancelBooking },
];

function route(state: FakeCalcomState, apiKey: string, request: RecordedRequest): FakeResponse {
  if (bearerToken(request) !== apiKey) return failure(401, "Invalid API Key", request);
  const matched = matchRoute(routes, request);
  if (!matched) return failure(404, `Cannot ${request.method} ${request.path}`, request);
  const [{ version, handle }, params] = matched;
  const sent = request.headers["cal-api-version"];
  if (sent !== version) {
    return failure(400, `cal-api-version must be ${version} for ${request.path}, got ${sent ?? "none"}`, request);
  }
  return handle(state, request, params);
}

function listEventTypes(state: FakeCalcomState): FakeResponse {
  const data = state.eventTypes.map((eventType) => ({
    ...eventType,
    minimumBookingNotice: 0,
    beforeEventBuffer: 0,
    afterEventBuffer: 0,
    slotInterval: null,
    hidden: eventType.hidden ?? false,
  }));
  return success(200, data);
}

const utcDay = /^\d{4}-\d{2}-\d{2}$/;
const slotQuerySchema = z.object({
  eventTypeId: z.coerce.number().int(),
  // A bare date means the whole UTC day.
  start: z.union([z.iso.datetime({ offset: true }), z.string().regex(utcDay).transform((d) => `${d}T00:00:00Z`)]),
  end: z.union([z.iso.datetime({ offset: true }), z.string().regex(utcDay).transform((d) => `${d}T23:59:59Z`)]),
  timeZone: z.string().refine(isTimeZone, "must be an IANA time zone").default("UTC"),
  duration: z.coerce.number().int().positive().optional(),
  format: z.enum(["range", "time"]).optional(),
});

function listSlots(state: FakeCalcomState, request: RecordedRequest): FakeResponse {
  const query = slotQuerySchema.safeParse(Object.fromEntries(request.query));
  if (!query.success) return invalid(query.error, request);
  const { eventTypeId, start, end, timeZone, duration, format } = query.data;
  const eventType = state.eventType(eventTypeId);
  if (!eventType) return failure(404, `Event type with id=${eventTypeId} not found`, request);

  const length = duration ?? eventType.lengthInMinutes;
  const byDay: Record<string, Array<{ start: string; end?: string }>> = {};
  const local = (date: Date) => new TZDate(date.getTime(), timeZone).toISOString();
  for (const slot of state.freeSlots(length, new Date(start), new Date(end))) {
    const day = local(slot).slice(0, 10);
    const item = format === "range" ? { start: local(slot), end: local(addMinutes(slot, length)) } : { start: local(slot) };
    (byDay[day] ??= []).push(item);
  }
  return success(200, byDay);
}

const attendeeSchema = z
  .object({
    name: z.string().min(1),
    email: z.email().optional(),
    phoneNumber: z.string().regex(/^\+[1-9]\d{6,14}$/, "must be E.164").optional(),
    timeZone: z.string().refine(isTimeZone, "must be an IANA time zone"),
    language: z.string().optional(),
  })
  .refine((a) => a.email !== undefined || a.phoneNumber !== undefined, "email or phoneNumber is required");

const createBookingSchema = z.object({
  start: z.iso.datetime({ offset: true }),
  eventTypeId: z.number().int(),
  attendee: attendeeSchema,
  metadata: z
    .record(z.string(), z.string().max(500))
    .refine((m) => Object.keys(m).length <= 50, "at most 50 keys")
    .optional(),
  lengthInMinutes: z.number().int().positive().optional(),
  bookingFieldsResponses: z.record(z.string(), z.unknown()).optional(),
});

function createBooking(state: FakeCalcomState, request: RecordedRequest): FakeResponse {
  const body = createBookingSchema.safeParse(request.body);
  if (!body.success) return invalid(body.error, request);
  const { start: startIso, eventTypeId, attendee, metadata, lengthInMinutes } = body.data;
  const eventType = state.eventType(eventTypeId);
  if (!eventType) return failure(404, `Event type with id=${eventTypeId} not found`, request);

  const start = new Date(startIso);
  const length = lengthInMinutes ?? eventType.lengthInMinutes;
  if (start <= state.now()) return failure(400, "Attempting to book a meeting in the past.", request);
  if (!state.isFree(start, length)) return failure(400, TAKEN, request);
  const booking = state.book({ eventTypeId, start, attendees: [attendee], metadata: metadata ?? {} }, length);
  return success(201, bookingJson(state, booking));
}

function getBooking(state: FakeCalcomState, request: RecordedRequest, [uid]: string[]): FakeResponse {
  const booking = state.bookings.get(uid);
  return booking ? success(200, bookingJson(state, booking)) : bookingNotFound(uid, request);
}

const rescheduleSchema = z.object({
  start: z.iso.datetime({ offset: true }),
  reschedulingReason: z.string().optional(),
  rescheduledBy: z.string().optional(),
});

function rescheduleBooking(state: FakeCalcomState, request: RecordedRequest, [uid]: string[]): FakeResponse {
  const body = rescheduleSchema.safeParse(request.body);
  if (!body.success) return invalid(body.error, request);
  const old = state.bookings.get(uid);
  if (!old) return bookingNotFound(uid, request);
  if (old.status !== "accepted") return failure(400, `Booking with uid=${uid} is ${old.status} and cannot be rescheduled`, request);

  const start = new Date(body.data.start);
  const length = (old.end.getTime() - old.start.getTime()) / 60_000;
  if (start <= state.now()) return failure(400, "Attempting to book a meeting in the past.", request);
  if (!state.isFree(start, length, old.uid)) return failure(400, TAKEN, request);
  const booking = state.book(
    { eventTypeId: old.eventTypeId, start, attendees: old.attendees, metadata: old.metadata, rescheduledFromUid: old.uid },
    length,
  );
  Object.assign(old, { status: "cancelled", rescheduledToUid: booking.uid, cancellationReason: body.data.reschedulingReason });
  return success(201, bookingJson(state, booking));
}

function cancelBooking(state: FakeCalcomState, request: RecordedRequest, [uid]: string[]): FakeResponse {
  const body = z.object({ cancellationReason: z.string().optional() }).safeParse(request.body ?? {});
  if (!body.success) return invalid(body.error, request);
  const booking = state.bookings.get(uid);
  if (!booking) return bookingNotFound(uid, request);
  if (booking.status === "accepted") {
    Object.assign(booking, { status: "cancelled", cancellationReason: body.data.cancellationReason });
  }
  return success(200, bookingJson(state, booking));
}

function bookingJson(state: FakeCalcomState, booking: FakeBooking) {
  return {
    id: booking.id,
    uid: booking.uid,
    title: `${state.eventType(booking.eventTypeId)?.title} mit ${booking.attendees[0]?.name}`,
    status: booking.status,
    start: booking.start.toISOString(),
    end: booking.end.toISOString(),
    duration: (booking.end.getTime() - booking.start.getTime()) / 60_000,
    eventTypeId: booking.eventTypeId,
    attendees: booking.attendees.map((attendee) => ({ ...attendee, absent: false })),
    metadata: booking.metadata,
    rescheduledFromUid: booking.rescheduledFromUid,
    rescheduledToUid: booking.rescheduledToUid,
    cancellationReason: booking.cancellationReason,
    createdAt: booking.createdAt.toISOString(),
  };
}

function success(status: number, data: unknown): FakeResponse {
  return { status, body: { status: "success", data } };
}

function failure(status: number, message: string, request: RecordedRequest): FakeResponse {
  return { status, body: errorBody(status, message, request.path) };
}

function invalid(error: z.ZodError, request: RecordedRequest): FakeResponse {
  return failure(400, describeIssues(error), request);
}

function bookingNotFound(uid: string, request: RecordedRequest): FakeResponse {
  return failure(404, `Booking with uid=${uid} was not found in the database`, request);
}

const exceptionNames: Record<number, string> = {
  400: "BadRequestException",
  401: "UnauthorizedException",
  404: "NotFoundException",
  429: "ThrottlerException",
  500: "InternalServerErrorException",
  503: "ServiceUnavailableException",
};

function errorBody(status: number, message: string, path: string) {
  return {
    status: "error",
    timestamp: new Date().toISOString(),
    path,
    error: { code: exceptionNames[status] ?? "HttpException", message, details: {} },
  };
}

function rateLimitHeaders(retryAfterSec: number): Record<string, string> {
  return {
    "X-RateLimit-Limit-Default": "120",
    "X-RateLimit-Remaining-Default": "0",
    "X-RateLimit-Reset-Default": String(retryAfterSec),
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
