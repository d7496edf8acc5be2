/**
 * The calendar behind the fake Cal.com: event types, a weekly schedule of one host and
 * the bookings made against it. No HTTP here; see ./fake-server.ts.
 */
import { randomUUID } from "node:crypto";
import { addDaysLocal, formatLocalTime, requireLocalTime, weekdayOfLocalDate } from "@/server/scheduling/local-date";
import { instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";
import { FakeFaults } from "./http-server";

export interface FakeEventType {
  id: number;
  title: string;
  slug: string;
  lengthInMinutes: number;
  /** Hidden from the public booking page; the API still lists it, flagged `hidden: true`. */
  hidden?: boolean;
}

export interface FakeSchedule {
  timeZone: string;
  /** 0 = Sunday ... 6 = Saturday */
  weekdays: number[];
  /** Local opening and closing time, HH:MM. */
  opens: string;
  closes: string;
  /** Minutes between slot starts. */
  intervalMinutes: number;
}

export interface FakeAttendee {
  name: string;
  email?: string;
  phoneNumber?: string;
  timeZone: string;
  language?: string;
}

export interface FakeBooking {
  id: number;
  uid: string;
  eventTypeId: number;
  status: "accepted" | "cancelled";
  start: Date;
  end: Date;
  attendees: FakeAttendee[];
  metadata: Record<string, string>;
  createdAt: Date;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
  cancellationReason?: string;
}

export const DEFAULT_FAKE_EVENT_TYPES: FakeEventType[] = [
  { id: 1001, title: "Herrenhaarschnitt", slug: "herrenhaarschnitt", lengthInMinutes: 30 },
  { id: 1002, title: "Färben", slug: "faerben", lengthInMinutes: 90 },
];

export const DEFAULT_FAKE_SCHEDULE: FakeSchedule = {
  timeZone: "Europe/Berlin",
  weekdays: [1, 2, 3, 4, 5],
  opens: "09:00",
  closes: "17:00",
  intervalMinutes: 30,
};

interface Interval {
  start: Date;
  end: Date;
}

export class FakeCalcomState extends FakeFaults {
  readonly bookings = new Map<string, FakeBooking>();
  /** Times booked outside this API (see `takeSlot`). */
  readonly blocked: Interval[] = [];
  #nextId = 1;

  constructor(
    readonly eventTypes: FakeEventType[],
    readonly schedule: FakeSchedule,
    readonly now: () => Date,
  ) {
    super();
  }

  /** Marks a time as booked elsewhere: it disappears from slots and booking it conflicts. */
  takeSlot(isoStart: string, minutes = 30): void {
    const start = new Date(isoStart);
    this.blocked.push({ start, end: addMinutes(start, minutes) });
  }

  eventType(id: number): FakeEventType | undefined {
    return this.eventTypes.find((eventType) => eventType.id === id);
  }

  /** Free slot starts of `lengthInMinutes` between `from` and `to` (inclusive). */
  freeSlots(lengthInMinutes: number, from: Date, to: Date, ignoreUid?: string): Date[] {
    const { timeZone, weekdays, intervalMinutes } = this.schedule;
    const opens = requireLocalTime(this.schedule.opens);
    const closes = requireLocalTime(this.schedule.closes);
    const lastDay = instantToLocal(to, timeZone).date;
    const slots: Date[] = [];
    for (let day = instantToLocal(from, timeZone).date; day <= lastDay; day = addDaysLocal(day, 1)) {
      if (!weekdays.includes(weekdayOfLocalDate(day))) continue;
      for (let minute = opens; minute + lengthInMinutes <= closes; minute += intervalMinutes) {
        const start = zonedDateTimeToInstant(day, formatLocalTime(minute), timeZone);
        if (start < from || start > to || start <= this.now()) continue;
        if (!this.#isBusy({ start, end: addMinutes(start, lengthInMinutes) }, ignoreUid)) slots.push(start);
      }
    }
    return slots;
  }

  isFree(start: Date, lengthInMinutes: number, ignoreUid?: string): boolean {
    return this.freeSlots(lengthInMinutes, start, start, ignoreUid).length === 1;
  }

  book(input: Omit<FakeBooking, "id" | "uid" | "status" | "end" | "createdAt">, lengthInMinutes: number): FakeBooking {
    const booking: FakeBooking = {
      ...input,
      id: this.#nextId++,
      uid: randomUUID(),
      status: "accepted",
      end: addMinutes(input.start, lengthInMinutes),
      createdAt: this.now(),
    };
    this.bookings.set(booking.uid, booking);
    return booking;
  }

  #isBusy(slot: Interval, ignoreUid?: string): boolean {
    const accepted = [...this.bookings.values()].filter((b) => b.status === "accepted" && b.uid !== ignoreUid);
    return [...accepted, ...this.blocked].some((busy) => busy.start < slot.end && slot.start < busy.end);
  }
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}
