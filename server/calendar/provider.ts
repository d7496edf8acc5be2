/**
 * One calendar interface, two implementations chosen per company by its calendar
 * connection: the built-in calendar (./local-provider.ts) and Cal.com (./calcom-provider.ts).
 *
 * Writes hand the provider a `store` callback that writes the local rows (appointment,
 * customer, outbox job) inside a database transaction. The provider decides when it runs:
 * the built-in calendar runs it under the booking lock of the branch's day, so the check
 * and the insert are one step; Cal.com runs it only after Cal.com confirmed, and undoes the remote
 * change when storing fails. Either way no local row claims what the calendar did not confirm.
 */
import type { Prisma } from "@/server/generated/prisma/client";
import type { LocalDate } from "@/server/scheduling/local-date";
import type { SpecialDay } from "@/server/scheduling/slot-types";
import type { CompanySettings } from "@/server/calendar/company-settings";

export type Tx = Prisma.TransactionClient;

export type ProviderKind = "local" | "calcom";

export interface BranchRef {
  id: string;
  name: string;
  timeZone: string;
  state: string | null;
  businessHours: unknown;
  /** Coming special opening days and closures (from the cached master data; absent on rows read elsewhere). */
  specialDays?: readonly SpecialDay[];
}

export interface ServiceRef {
  id: string;
  name: string;
  durationMinutes: number;
  bufferMinutes: number;
  calcomEventTypeId: number | null;
}

/** For the built-in calendar the company's services; for Cal.com its event types. */
export interface EventType {
  id: number | string;
  title: string;
  durationMinutes: number;
  /** The local service offering it (always set for the built-in calendar). */
  serviceId: string | null;
}

export interface AvailabilityQuery {
  branch: BranchRef;
  service: ServiceRef;
  /** Inclusive local days in the branch zone. */
  from: LocalDate;
  to: LocalDate;
  /** Only slots this staff member can take (built-in calendar only). */
  staffId?: string;
  /** Leaves this appointment out of the busy times (moving it). */
  excludeAppointmentId?: string;
}

export type NextSlotQuery = Omit<AvailabilityQuery, "to">;

export interface ProviderSlot {
  start: Date;
  end: Date;
  /** Staff who can take the slot; empty when the provider assigns the host itself (Cal.com). */
  staffIds: string[];
}

export interface Attendee {
  name: string;
  /** E.164 */
  phone: string;
  email?: string | null;
}

export interface BookingRequest {
  branch: BranchRef;
  service: ServiceRef;
  start: Date;
  /** Preferred staff member; without one the first free one is taken. */
  staffId?: string;
  attendee: Attendee;
  /** Sent to Cal.com as booking metadata. */
  metadata?: Record<string, string>;
}

export interface RescheduleRequest {
  appointmentId: string;
  externalUid: string | null;
  branch: BranchRef;
  service: ServiceRef;
  start: Date;
  /** Staff member the moved appointment must be with; undefined: any free one. */
  staffId?: string;
  reason: string;
}

export interface CancelRequest {
  externalUid: string | null;
  reason: string;
}

/** What the calendar confirmed; the local rows are written from it. */
export interface ConfirmedBooking {
  externalUid: string;
  start: Date;
  end: Date;
  staffId: string | null;
}

export type StoreBooking<T> = (tx: Tx, confirmed: ConfirmedBooking) => Promise<T>;
export type StoreCancellation<T> = (tx: Tx) => Promise<T>;

export interface ConnectionTest {
  ok: boolean;
  message: string;
  eventTypeCount: number;
}

export interface CalendarProvider {
  readonly kind: ProviderKind;
  readonly settings: CompanySettings;
  listEventTypes(): Promise<EventType[]>;
  availability(query: AvailabilityQuery): Promise<ProviderSlot[]>;
  /** The earliest slot from `query.from` to the end of the booking window, or null. */
  nextFreeSlot(query: NextSlotQuery): Promise<ProviderSlot | null>;
  book<T>(request: BookingRequest, store: StoreBooking<T>): Promise<T>;
  reschedule<T>(request: RescheduleRequest, store: StoreBooking<T>): Promise<T>;
  cancel<T>(request: CancelRequest, store: StoreCancellation<T>): Promise<T>;
  testConnection(): Promise<ConnectionTest>;
}

/** Interactive transactions that may wait for the booking lock behind other callers. */
export const BOOKING_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;
