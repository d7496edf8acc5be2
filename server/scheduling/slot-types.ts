/**
 * Input and output of the slot engine for the built-in calendar. Plain data:
 * callers load it from the database and pass it in.
 */
import type { GermanState } from "./holidays";
import type { LocalDate, LocalTime, Weekday } from "./local-date";

/** Per weekday (0 = Sunday … 6 = Saturday); a missing or empty weekday has no intervals. */
export type WeeklySchedule<T> = Partial<Record<Weekday, readonly T[]>>;

export interface OpeningInterval {
  open: LocalTime;
  /** "24:00" closes at midnight. An interval that does not close after it opens is ignored. */
  close: LocalTime;
}

/** A special opening day or closure of a branch (24.12., Betriebsurlaub), see ./special-days.ts. */
export interface SpecialDay {
  date: LocalDate;
  /** true: closed all day; false: open only in `hours`. */
  closed: boolean;
  hours: readonly OpeningInterval[];
  reason: string | null;
}

export interface LocalTimeRange {
  start: LocalTime;
  end: LocalTime;
}

export interface BusinessHours {
  weekly: WeeklySchedule<OpeningInterval>;
  /** Breaks such as lunch; no appointment may overlap one (a following buffer may). */
  breaks?: WeeklySchedule<LocalTimeRange>;
}

export interface InstantRange {
  start: Date;
  end: Date;
}

/** A staff member who offers the service being booked. */
export interface StaffAvailability {
  id: string;
  name: string;
  workingHours: WeeklySchedule<LocalTimeRange>;
  absences: readonly InstantRange[];
}

export interface ServiceTiming {
  durationMinutes: number;
  /** Time after the appointment that blocks the staff member (clean-up, notes); never shown to the caller. */
  bufferMinutes: number;
}

/** An existing appointment, with `start`/`end` as stored (without any buffer). */
export interface BusyAppointment {
  /**
   * null: booked for "any staff member". It names nobody but will need one of
   * the staff, so it reduces capacity instead of blocking a person.
   */
  staffId: string | null;
  start: Date;
  end: Date;
  /** The appointment's own buffer, blocking from `end` for this many minutes. Default 0. */
  bufferAfterMinutes?: number;
}

export interface BookingRules {
  /** Distance between offered start times, counted from each opening time. Default 15. */
  slotIntervalMinutes?: number;
  /** A slot must start at least this long after `now`. */
  minimumNoticeMinutes: number;
  /** A slot must start before the same wall-clock time this many days after `now`. */
  bookingWindowDays: number;
}

export interface SlotSearchInput {
  /** IANA zone of the branch, e.g. "Europe/Berlin". All local times are read in it. */
  tz: string;
  /** Federal state for regional holidays; nationwide holidays are always closed. */
  holidayState?: GermanState;
  businessHours: BusinessHours;
  closedDates?: readonly LocalDate[];
  /** Special opening days and closures of the branch; on their date they replace weekly hours and holidays. */
  specialDays?: readonly SpecialDay[];
  staff: readonly StaffAvailability[];
  service: ServiceTiming;
  busy: readonly BusyAppointment[];
  rules: BookingRules;
  now: Date;
  /** Inclusive local dates. */
  range: { from: LocalDate; to: LocalDate };
  /** Only slots this staff member can take; other staff still count as capacity for unassigned appointments. */
  preferredStaffId?: string;
}

/** Search forward from `from` (default: today in the branch zone) instead of a fixed range. */
export type NextFreeSlotInput = Omit<SlotSearchInput, "range"> & { from?: LocalDate };

export type SlotCheckInput = Omit<SlotSearchInput, "range">;

export interface Slot {
  start: Date;
  /** `start` + service duration; the buffer is not included. */
  end: Date;
  /** Staff who can take the slot, in the order of `input.staff`. */
  staffIds: string[];
}
