/**
 * The built-in calendar: slots come from the slot engine over the company's own data, and
 * a booking is the database insert made under the booking lock of the branch's day after
 * checking the slot again inside the same transaction.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { addDaysLocal, type LocalDate } from "@/server/scheduling/local-date";
import { findAvailableSlots } from "@/server/scheduling/slots";
import { instantToLocal } from "@/server/scheduling/time";
import type { CompanySettings } from "@/server/calendar/company-settings";
import { bookingSpan, lockBookingSpan, withBookingTurn, type BookingSpan } from "./booking-lock";
import { slotNotAvailable } from "./errors";
import { loadSlotInput } from "./local-slot-data";
import {
  BOOKING_TRANSACTION,
  type AvailabilityQuery,
  type BookingRequest,
  type BranchRef,
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
  type Tx,
} from "./provider";

/** Days loaded at once while searching forward for the next free slot. */
const SEARCH_CHUNK_DAYS = 7;

export interface LocalProviderDeps {
  db: PrismaClient;
  companyId: string;
  settings: CompanySettings;
  now: () => Date;
}

export class LocalCalendarProvider implements CalendarProvider {
  readonly kind = "local" as const;
  readonly settings: CompanySettings;

  constructor(private readonly deps: LocalProviderDeps) {
    this.settings = deps.settings;
  }

  async listEventTypes(): Promise<EventType[]> {
    const services = await this.deps.db.service.findMany({
      where: { companyId: this.deps.companyId, isActive: true },
      orderBy: { name: "asc" },
    });
    return services.map((s) => ({ id: s.id, title: s.name, durationMinutes: s.durationMinutes, serviceId: s.id }));
  }

  async availability(query: AvailabilityQuery): Promise<ProviderSlot[]> {
    return findAvailableSlots(await this.#slotInput(this.deps.db, query));
  }

  async nextFreeSlot(query: NextSlotQuery): Promise<ProviderSlot | null> {
    const now = this.deps.now();
    const tz = query.branch.timeZone;
    const today = instantToLocal(now, tz).date;
    const windowEnd = addDaysLocal(today, this.settings.bookingWindowDays);
    for (let from = maxDate(query.from, today); from <= windowEnd; from = addDaysLocal(from, SEARCH_CHUNK_DAYS)) {
      const to = minDate(addDaysLocal(from, SEARCH_CHUNK_DAYS - 1), windowEnd);
      const input = await this.#slotInput(this.deps.db, { ...query, from, to });
      for (let day = from; day <= to; day = addDaysLocal(day, 1)) {
        const [first] = findAvailableSlots({ ...input, range: { from: day, to: day } });
        if (first) return first;
      }
    }
    return null;
  }

  book<T>(request: BookingRequest, store: StoreBooking<T>): Promise<T> {
    const span = spanOf(request.branch, request.service, request.start);
    return withBookingTurn(span, () =>
      this.deps.db.$transaction(async (tx) => {
        const confirmed = await this.#claimSlot(tx, span, request.branch, request.service, request.start, request.staffId);
        return store(tx, { ...confirmed, externalUid: `local-${randomUUID()}` });
      }, BOOKING_TRANSACTION),
    );
  }

  reschedule<T>(request: RescheduleRequest, store: StoreBooking<T>): Promise<T> {
    const span = spanOf(request.branch, request.service, request.start);
    return withBookingTurn(span, () =>
      this.deps.db.$transaction(async (tx) => {
        const confirmed = await this.#claimSlot(tx, span, request.branch, request.service, request.start, request.staffId, request.appointmentId);
        return store(tx, { ...confirmed, externalUid: request.externalUid ?? `local-${randomUUID()}` });
      }, BOOKING_TRANSACTION),
    );
  }

  cancel<T>(_request: CancelRequest, store: StoreCancellation<T>): Promise<T> {
    return this.deps.db.$transaction((tx) => store(tx), BOOKING_TRANSACTION);
  }

  async testConnection() {
    const eventTypeCount = await this.deps.db.service.count({ where: { companyId: this.deps.companyId, isActive: true } });
    return { ok: true, message: "Der eingebaute Kalender ist aktiv.", eventTypeCount };
  }

  /** Locks the branch's day(s), then checks the slot against everything committed before the lock. */
  async #claimSlot(
    tx: Tx,
    span: BookingSpan,
    branch: BranchRef,
    service: ServiceRef,
    start: Date,
    staffId: string | undefined,
    excludeAppointmentId?: string,
  ): Promise<Omit<ConfirmedBooking, "externalUid">> {
    await lockBookingSpan(tx, span);
    const day = instantToLocal(start, branch.timeZone).date;
    const input = await this.#slotInput(tx, { branch, service, from: day, to: day, staffId, excludeAppointmentId });
    const slot = findAvailableSlots(input).find((s) => s.start.getTime() === start.getTime());
    if (!slot || slot.staffIds.length === 0) throw slotNotAvailable({ start: start.toISOString() });
    return { start: slot.start, end: slot.end, staffId: staffId ?? slot.staffIds[0] };
  }

  #slotInput(db: PrismaClient | Tx, query: AvailabilityQuery) {
    return loadSlotInput(db, { ...query, companyId: this.deps.companyId, settings: this.settings, now: this.deps.now() });
  }
}

/** The days the service's time from `start`, buffer included, occupies in the branch. */
function spanOf(branch: BranchRef, service: ServiceRef, start: Date): BookingSpan {
  const blockedUntil = new Date(start.getTime() + (service.durationMinutes + service.bufferMinutes) * 60_000);
  return bookingSpan(branch.id, branch.timeZone, start, blockedUntil);
}

function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a < b ? a : b;
}

function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}
