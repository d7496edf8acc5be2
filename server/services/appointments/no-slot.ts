/**
 * Why there is no free time, as a reason code and a short German sentence for the caller and
 * the dashboard: no staff for the service, outside the booking window, closed (holiday,
 * special day, weekly hours), staff away, fully booked. One answer for every path that comes
 * back empty: checkAvailability, findNextSlot, and a refused booking, move or edit.
 */
import { branchOpeningsOn, checkOpeningHours } from "@/server/calendar/opening-hours";
import { loadSlotInput } from "@/server/calendar/local-slot-data";
import type { BranchRef, CalendarProvider, ServiceRef } from "@/server/calendar/provider";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { addDaysLocal, type LocalDate } from "@/server/scheduling/local-date";
import { noSlotReason, type NoSlotReason } from "@/server/scheduling/no-slot-reason";
import { instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";
import { masterData } from "./resolve";
import { spokenDate, spokenDateTime } from "./wording";

export type { NoSlotReason };

export interface NoSlotAnswer {
  reason: NoSlotReason;
  message: string;
}

export interface NoSlotQuestion {
  branch: BranchRef;
  service: ServiceRef;
  staffId?: string;
  date: LocalDate;
  /** The wished start; without it the question is about the whole day. */
  start?: Date;
  /** Leaves this appointment out of the busy times (moving or editing it). */
  excludeAppointmentId?: string;
}

export async function explainNoSlot(ctx: ServiceContext, provider: CalendarProvider, q: NoSlotQuestion): Promise<NoSlotAnswer> {
  const reason = await reasonFor(ctx, provider, q);
  return { reason, message: await sentenceFor(ctx, provider, q, reason) };
}

/**
 * A refused booking, move or edit: the calendar's "not available" turned into the reasoned
 * answer (same code 2003). A time that is merely taken keeps the calendar's own message.
 */
export async function reasonedSlotError(ctx: ServiceContext, provider: CalendarProvider, q: NoSlotQuestion & { start: Date }, error: AppError): Promise<AppError> {
  const answer = await explainNoSlot(ctx, provider, q);
  if (answer.reason === "fully_booked") return error;
  return new AppError(ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE, answer.message, { details: { reason: answer.reason, start: q.start.toISOString() } });
}

async function reasonFor(ctx: ServiceContext, provider: CalendarProvider, q: NoSlotQuestion): Promise<NoSlotReason> {
  if (provider.kind === "local") {
    const input = await loadSlotInput(ctx.db, {
      companyId: ctx.companyId,
      branch: q.branch,
      service: q.service,
      settings: provider.settings,
      now: ctx.now(),
      from: q.date,
      to: q.date,
      staffId: q.staffId,
      excludeAppointmentId: q.excludeAppointmentId,
    });
    return noSlotReason(input, q.date, q.start);
  }
  // Cal.com keeps its own staff and hours: only the window and the branch's own closures are known here.
  const { minimumNoticeMinutes, bookingWindowDays } = provider.settings;
  const now = ctx.now();
  const lastDay = addDaysLocal(instantToLocal(now, q.branch.timeZone).date, bookingWindowDays);
  const tooSoon = q.start ? q.start.getTime() < now.getTime() + minimumNoticeMinutes * 60_000 : false;
  if (tooSoon || q.date > lastDay) return "outside_booking_window";
  const closed = q.start ? !checkOpeningHours(q.branch, q.start, new Date(q.start.getTime() + q.service.durationMinutes * 60_000)).open : branchOpeningsOn(q.branch, q.date).closure !== null;
  return closed ? "closed" : "fully_booked";
}

async function sentenceFor(ctx: ServiceContext, provider: CalendarProvider, q: NoSlotQuestion, reason: NoSlotReason): Promise<string> {
  const tz = q.branch.timeZone;
  const day = spokenDate(q.start ?? zonedDateTimeToInstant(q.date, "12:00", tz), tz);
  switch (reason) {
    case "no_staff_for_service":
      return q.staffId
        ? `${await staffName(ctx, q.staffId)} bietet ${q.service.name} in ${q.branch.name} leider nicht an.`
        : `${q.service.name} bietet in ${q.branch.name} derzeit leider niemand an.`;
    case "outside_booking_window": {
      const { minimumNoticeMinutes, bookingWindowDays } = provider.settings;
      if (q.start && q.start.getTime() < ctx.now().getTime() + minimumNoticeMinutes * 60_000) {
        return `So kurzfristig können wir leider keinen Termin vergeben: Termine brauchen mindestens ${noticeText(minimumNoticeMinutes)} Vorlauf.`;
      }
      return `Termine vergeben wir höchstens ${bookingWindowDays} Tage im Voraus, der ${day} liegt noch außerhalb.`;
    }
    case "closed":
      return closedSentence(q);
    case "staff_absent":
      return q.staffId
        ? `${await staffName(ctx, q.staffId)} ist am ${q.start ? spokenDateTime(q.start, tz) : day} leider nicht da.`
        : `Am ${day} ist für ${q.service.name} leider niemand da.`;
    case "fully_booked":
      return q.start ? `Am ${spokenDateTime(q.start, tz)} ist leider kein Termin frei.` : `Am ${day} ist für ${q.service.name} leider schon alles ausgebucht.`;
  }
}

/** "Am Donnerstag, 24.12.2026 haben wir geschlossen: Heiligabend." and the other closures. */
export function closedSentence(q: Pick<NoSlotQuestion, "branch" | "date" | "start">): string {
  const tz = q.branch.timeZone;
  const openings = branchOpeningsOn(q.branch, q.date);
  const day = spokenDate(q.start ?? zonedDateTimeToInstant(q.date, "12:00", tz), tz);
  const closure = openings.closure;
  if (closure?.kind === "holiday") return `Am ${day} ist ${closure.name}, da haben wir geschlossen.`;
  if (closure?.kind === "special") return `Am ${day} haben wir geschlossen${closure.reason ? `: ${closure.reason}` : ""}.`;
  if (openings.special && q.start) {
    const hours = openings.special.hours.map((h) => `${h.open} bis ${h.close}`).join(" und ");
    return `Am ${day} haben wir nur von ${hours} Uhr geöffnet${openings.special.reason ? ` (${openings.special.reason})` : ""}.`;
  }
  return q.start ? `Am ${spokenDateTime(q.start, tz)} haben wir leider geschlossen.` : `Am ${day} haben wir geschlossen.`;
}

async function staffName(ctx: ServiceContext, staffId: string): Promise<string> {
  return (await masterData(ctx)).staff.find((s) => s.id === staffId)?.name ?? "Diese Mitarbeiterin oder dieser Mitarbeiter";
}

function noticeText(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? "einen Tag" : `${minutes / 1440} Tage`;
  if (minutes % 60 === 0) return minutes === 60 ? "eine Stunde" : `${minutes / 60} Stunden`;
  return `${minutes} Minuten`;
}
