/**
 * Cal.com API v2 client. Every call runs through `runResilient("calcom")`: reads are
 * retried, booking and rescheduling are not (Cal.com has no idempotency key, so a repeated
 * POST could book twice). Failures arrive as `AppError` (see ./errors.ts).
 */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { runResilient } from "@/server/platform/resilience";
import type { LocalDate } from "@/server/scheduling/local-date";
import { zonedDateTimeToInstant } from "@/server/scheduling/time";
import { calcomFailure, unexpectedAnswer, type CalcomSubject } from "./errors";
import {
  bookingSchema,
  eventTypeSchema,
  slotRangesSchema,
  successEnvelopeSchema,
  type CalcomBooking,
  type CalcomEventType,
} from "./schemas";

export type { CalcomBooking, CalcomEventType } from "./schemas";

/** Without the right `cal-api-version`, Cal.com silently answers in an older shape. */
export const CALCOM_API_VERSIONS = {
  slots: "2024-09-04",
  bookings: "2024-08-13",
  eventTypes: "2024-06-14",
} as const;

export interface CalcomClientOptions {
  /** API base including the version path, e.g. https://api.cal.com/v2 */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** Per-attempt timeout; defaults to the calcom resilience setting. */
  timeoutMs?: number;
  /** Circuit breaker scope, normally the company id; defaults to the API host. */
  circuitScope?: string;
}

export interface SlotQuery {
  eventTypeId: number;
  /** First local day (YYYY-MM-DD) in `timeZone`. */
  start: LocalDate;
  /** Last local day (YYYY-MM-DD, inclusive) in `timeZone`. */
  end: LocalDate;
  /** IANA zone of the caller, e.g. Europe/Berlin. */
  timeZone: string;
  /** Minutes, for event types that offer several lengths. */
  duration?: number;
}

export interface TimeRange {
  start: Date;
  end: Date;
}

export interface BookingAttendee {
  name: string;
  email?: string;
  /** E.164 */
  phoneNumber?: string;
  timeZone: string;
  language?: string;
}

export interface NewBooking {
  eventTypeId: number;
  start: Date;
  attendee: BookingAttendee;
  /** At most 50 keys, values up to 500 characters. */
  metadata?: Record<string, string>;
  lengthInMinutes?: number;
}

interface CalcomRequest<T extends z.ZodType> {
  method: "GET" | "POST";
  path: string;
  version: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  subject: CalcomSubject;
  idempotent: boolean;
  data: T;
}

export class CalcomClient {
  readonly #baseUrl: string;
  readonly #apiKey: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs?: number;
  readonly #circuitScope: string;

  constructor(options: CalcomClientOptions) {
    this.#baseUrl = withoutTrailingSlashes(options.baseUrl);
    this.#circuitScope = options.circuitScope ?? hostOf(this.#baseUrl);
    this.#apiKey = options.apiKey;
    this.#fetch = options.fetch ?? fetch;
    this.#timeoutMs = options.timeoutMs;
  }

  getEventTypes(): Promise<CalcomEventType[]> {
    return this.#request({
      method: "GET",
      path: "/event-types",
      version: CALCOM_API_VERSIONS.eventTypes,
      subject: "eventType",
      idempotent: true,
      data: eventTypeSchema.array(),
    });
  }

  /** Free slots of the local days `start`..`end`, flattened and ordered by start. */
  async getSlots(query: SlotQuery): Promise<TimeRange[]> {
    const range = localDaysAsInstants(query.start, query.end, query.timeZone);
    const byDay = await this.#request({
      method: "GET",
      path: "/slots",
      version: CALCOM_API_VERSIONS.slots,
      query: { eventTypeId: query.eventTypeId, ...range, timeZone: query.timeZone, duration: query.duration, format: "range" },
      subject: "eventType",
      idempotent: true,
      data: slotRangesSchema,
    });
    return Object.values(byDay)
      .flat()
      .sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  createBooking(booking: NewBooking): Promise<CalcomBooking> {
    return this.#request({
      method: "POST",
      path: "/bookings",
      version: CALCOM_API_VERSIONS.bookings,
      body: { ...booking, start: booking.start.toISOString() },
      subject: "eventType",
      idempotent: false,
      data: bookingSchema,
    });
  }

  /** Cal.com books anew: the result carries a NEW `uid` (`rescheduledFromUid` is the old one). */
  rescheduleBooking(uid: string, change: { start: Date; reschedulingReason?: string }): Promise<CalcomBooking> {
    return this.#request({
      method: "POST",
      path: `/bookings/${encodeURIComponent(uid)}/reschedule`,
      version: CALCOM_API_VERSIONS.bookings,
      body: { ...change, start: change.start.toISOString() },
      subject: "booking",
      idempotent: false,
      data: bookingSchema,
    });
  }

  /** Repeating a cancellation changes nothing, so it is retried like a read. */
  cancelBooking(uid: string, reason: { cancellationReason?: string } = {}): Promise<CalcomBooking> {
    return this.#request({
      method: "POST",
      path: `/bookings/${encodeURIComponent(uid)}/cancel`,
      version: CALCOM_API_VERSIONS.bookings,
      body: reason,
      subject: "booking",
      idempotent: true,
      data: bookingSchema,
    });
  }

  getBooking(uid: string): Promise<CalcomBooking> {
    return this.#request({
      method: "GET",
      path: `/bookings/${encodeURIComponent(uid)}`,
      version: CALCOM_API_VERSIONS.bookings,
      subject: "booking",
      idempotent: true,
      data: bookingSchema,
    });
  }

  /** Checks URL and API key with the cheapest authenticated call the client already makes. */
  async testConnection(): Promise<{ eventTypeCount: number }> {
    return { eventTypeCount: (await this.getEventTypes()).length };
  }

  #request<T extends z.ZodType>(request: CalcomRequest<T>): Promise<z.output<T>> {
    const url = new URL(this.#baseUrl + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.#apiKey}`,
      "cal-api-version": request.version,
      accept: "application/json",
    };
    if (request.body !== undefined) headers["content-type"] = "application/json";

    return runResilient(
      "calcom",
      async (signal) => {
        const response = await this.#fetch(url, {
          method: request.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal,
        });
        const payload: unknown = await response.json().catch(() => undefined);
        if (!response.ok) throw calcomFailure(response.status, response.headers, payload, request.subject);
        const envelope = successEnvelopeSchema.safeParse(payload);
        const parsed = envelope.success ? request.data.safeParse(envelope.data.data) : envelope;
        if (!parsed.success) throw unexpectedAnswer(parsed.error.issues);
        return parsed.data;
      },
      { idempotent: request.idempotent, timeoutMs: this.#timeoutMs, scope: this.#circuitScope },
    );
  }
}

/** A loop, not `/\/+$/`: that pattern backtracks quadratically on a long run of slashes followed by more text. */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === "/") end--;
  return url.slice(0, end);
}

/** Cal.com reads a bare date as a UTC day, so the caller's local days are sent as instants. */
function localDaysAsInstants(firstDay: LocalDate, lastDay: LocalDate, timeZone: string): { start: string; end: string } {
  const start = zonedDateTimeToInstant(firstDay, "00:00", timeZone);
  const end = new Date(zonedDateTimeToInstant(lastDay, "24:00", timeZone).getTime() - 1);
  if (end < start) throw new AppError(ErrorCodes.INVALID_DATE, "Das Ende des Zeitraums liegt vor seinem Anfang.");
  return { start: start.toISOString(), end: end.toISOString() };
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
