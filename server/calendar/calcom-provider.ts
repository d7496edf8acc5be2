/**
 * Cal.com as the company's calendar: slots and bookings live there, the local rows mirror
 * them. Event types are cached 300 s and slot lists 60 s; every booking change drops the
 * company's slot lists. Resilience (breaker, retries, 429s) is the client's job.
 */
import type { Cache } from "@/server/platform/cache";
import { remember } from "@/server/platform/cache";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { CalcomClient } from "@/server/integrations/calcom/client";
import type { Logger } from "@/server/platform/logger";
import { isUniqueViolation } from "@/server/platform/db/unique-violation";
import { addDaysLocal, type LocalDate } from "@/server/scheduling/local-date";
import { instantToLocal } from "@/server/scheduling/time";
import type { CompanySettings } from "@/server/calendar/company-settings";
import {
  BOOKING_TRANSACTION,
  type AvailabilityQuery,
  type BookingRequest,
  type CalendarProvider,
  type CancelRequest,
  type ConfirmedBooking,
  type EventType,
  type NextSlotQuery,
  type ProviderSlot,
  type RescheduleRequest,
  type ServiceRef,
  type StoreBooking,
  type StoreCancellation,
} from "./provider";

export const EVENT_TYPES_TTL_SECONDS = 300;
export const AVAILABILITY_TTL_SECONDS = 60;
const SEARCH_CHUNK_DAYS = 7;

export function calcomAvailabilityTag(companyId: string): string {
  return `calcom:${companyId}:availability`;
}

/** Drops cached slot lists after a booking changed (here or through a Cal.com webhook). */
export function invalidateCalcomAvailability(cache: Cache, companyId: string): Promise<void> {
  return cache.invalidateTag(calcomAvailabilityTag(companyId));
}

export interface CalcomProviderDeps {
  db: PrismaClient;
  companyId: string;
  settings: CompanySettings;
  now: () => Date;
  client: CalcomClient;
  cache: Cache;
  log: Logger;
}

interface CachedSlot {
  start: string;
  end: string;
}

export class CalcomCalendarProvider implements CalendarProvider {
  readonly kind = "calcom" as const;
  readonly settings: CompanySettings;

  constructor(private readonly deps: CalcomProviderDeps) {
    this.settings = deps.settings;
  }

  async listEventTypes(): Promise<EventType[]> {
    const { companyId, cache, client, db } = this.deps;
    const [{ value: eventTypes }, services] = await Promise.all([
      remember(cache, `calcom:${companyId}:event-types`, EVENT_TYPES_TTL_SECONDS, [`calcom:${companyId}`], () =>
        client.getEventTypes(),
      ),
      db.service.findMany({ where: { companyId, calcomEventTypeId: { not: null } }, select: { id: true, calcomEventTypeId: true } }),
    ]);
    return eventTypes
      .filter((e) => !e.hidden)
      .map((e) => ({
        id: e.id,
        title: e.title,
        durationMinutes: e.lengthInMinutes,
        serviceId: services.find((s) => s.calcomEventTypeId === e.id)?.id ?? null,
      }));
  }

  async availability(query: AvailabilityQuery): Promise<ProviderSlot[]> {
    return this.#slots(query.service, query.from, query.to, query.branch.timeZone);
  }

  async nextFreeSlot(query: NextSlotQuery): Promise<ProviderSlot | null> {
    const tz = query.branch.timeZone;
    const today = instantToLocal(this.deps.now(), tz).date;
    const windowEnd = addDaysLocal(today, this.settings.bookingWindowDays);
    for (let from = query.from > today ? query.from : today; from <= windowEnd; from = addDaysLocal(from, SEARCH_CHUNK_DAYS)) {
      const to = addDaysLocal(from, SEARCH_CHUNK_DAYS - 1);
      const [first] = await this.#slots(query.service, from, to < windowEnd ? to : windowEnd, tz);
      if (first) return first;
    }
    return null;
  }

  async book<T>(request: BookingRequest, store: StoreBooking<T>): Promise<T> {
    const booking = await this.deps.client.createBooking({
      eventTypeId: eventTypeOf(request.service),
      start: request.start,
      attendee: {
        name: request.attendee.name,
        phoneNumber: request.attendee.phone,
        ...(request.attendee.email ? { email: request.attendee.email } : {}),
        timeZone: request.branch.timeZone,
        language: "de",
      },
      metadata: request.metadata,
    });
    await this.#bookingsChanged();
    const confirmed = { externalUid: booking.uid, start: booking.start, end: booking.end, staffId: request.staffId ?? null };
    try {
      return await this.#store(store, confirmed).catch((error: unknown) => {
        // Cal.com's BOOKING_CREATED webhook inserted the row first: store again, adopting it.
        if (isUniqueViolation(error)) return this.#store(store, confirmed);
        throw error;
      });
    } catch (error) {
      // Nothing local claims the booking, so Cal.com must not keep it either.
      await this.deps.client.cancelBooking(booking.uid, { cancellationReason: "Buchung konnte nicht gespeichert werden" }).catch((undo) =>
        this.deps.log.error({ err: undo, uid: booking.uid }, "calcom booking left behind after a failed local insert"),
      );
      throw error;
    }
  }

  async reschedule<T>(request: RescheduleRequest, store: StoreBooking<T>): Promise<T> {
    const uid = requireUid(request.externalUid);
    const booking = await this.deps.client.rescheduleBooking(uid, { start: request.start, reschedulingReason: request.reason });
    await this.#bookingsChanged();
    try {
      return await this.#store(store, { externalUid: booking.uid, start: booking.start, end: booking.end, staffId: request.staffId ?? null });
    } catch (error) {
      // Cal.com has moved the booking; its BOOKING_RESCHEDULED webhook brings the local row in step.
      this.deps.log.error({ err: error, uid, newUid: booking.uid }, "calcom reschedule not stored locally");
      throw error;
    }
  }

  async cancel<T>(request: CancelRequest, store: StoreCancellation<T>): Promise<T> {
    if (request.externalUid) {
      await this.deps.client.cancelBooking(request.externalUid, { cancellationReason: request.reason });
      await this.#bookingsChanged();
    }
    return this.deps.db.$transaction((tx) => store(tx), BOOKING_TRANSACTION);
  }

  async testConnection() {
    try {
      const { eventTypeCount } = await this.deps.client.testConnection();
      return { ok: true, message: `Verbindung zu Cal.com erfolgreich, ${eventTypeCount} Terminarten gefunden.`, eventTypeCount };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, message: error.message, eventTypeCount: 0 };
      throw error;
    }
  }

  async #slots(service: ServiceRef, from: LocalDate, to: LocalDate, tz: string): Promise<ProviderSlot[]> {
    const { companyId, cache, client } = this.deps;
    const eventTypeId = eventTypeOf(service);
    const { value } = await remember<CachedSlot[]>(
      cache,
      `calcom:${companyId}:slots:${eventTypeId}:${from}:${to}:${tz}`,
      AVAILABILITY_TTL_SECONDS,
      [`calcom:${companyId}`, calcomAvailabilityTag(companyId)],
      async () =>
        (await client.getSlots({ eventTypeId, start: from, end: to, timeZone: tz })).map((s) => ({
          start: s.start.toISOString(),
          end: s.end.toISOString(),
        })),
    );
    const nowMs = this.deps.now().getTime();
    return value
      .map((s) => ({ start: new Date(s.start), end: new Date(s.end), staffIds: [] }))
      .filter((s) => s.start.getTime() > nowMs);
  }

  #store<T>(store: StoreBooking<T>, confirmed: ConfirmedBooking): Promise<T> {
    return this.deps.db.$transaction((tx) => store(tx, confirmed), BOOKING_TRANSACTION);
  }

  #bookingsChanged(): Promise<void> {
    return invalidateCalcomAvailability(this.deps.cache, this.deps.companyId);
  }
}

function eventTypeOf(service: ServiceRef): number {
  if (service.calcomEventTypeId === null) {
    throw new AppError(ErrorCodes.SERVICE_NOT_MAPPED, `Die Leistung „${service.name}“ ist keiner Cal.com-Terminart zugeordnet.`, {
      details: { serviceId: service.id },
    });
  }
  return service.calcomEventTypeId;
}

function requireUid(uid: string | null): string {
  if (!uid) throw new AppError(ErrorCodes.CONFLICT, "Dieser Termin ist nicht mit Cal.com verknüpft.");
  return uid;
}
