/** Free times for a service, answered as data and as a sentence for the caller. */
import type { z } from "zod";
import { checkOpeningHours } from "@/server/calendar/opening-hours";
import type { BranchRef, ProviderSlot } from "@/server/calendar/provider";
import { loadCompanyCalendar } from "@/server/calendar/provider-for-company";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { addDaysLocal } from "@/server/scheduling/local-date";
import { formatGermanDate, formatGermanTime, instantToLocal, zonedDateTimeToInstant } from "@/server/scheduling/time";
import { closedSentence, explainNoSlot } from "./no-slot";
import { masterData, requestedStart, requireDate, resolveBranch, resolveService, resolveStaff } from "./resolve";
import type * as s from "./schemas";
import { joinGerman, spokenDate, spokenDateTime } from "./wording";

const ALTERNATIVES = 3;

export async function checkAvailability(
  ctx: ServiceContext,
  params: z.output<typeof s.checkAvailabilityParams>,
): Promise<z.input<typeof s.checkAvailabilityResult>> {
  const service = await resolveService(ctx, params);
  const branch = await resolveBranch(ctx, params.branch_id, service);
  const staffId = params.staff_id ? await resolveStaff(ctx, params.staff_id, branch, service) : undefined;
  const date = requireDate(params.date);
  const tz = branch.timeZone;
  if (date < instantToLocal(ctx.now(), tz).date) {
    throw new AppError(ErrorCodes.DATE_IN_PAST, "Dieser Tag liegt in der Vergangenheit.", { details: { date } });
  }
  const start = params.time ? requestedStart(branch, date, params.time, ctx.now()) : null;

  const { provider } = await loadCompanyCalendar(ctx);
  const slots = await provider.availability({ branch, service, from: date, to: date, staffId });
  const noon = zonedDateTimeToInstant(date, "12:00", tz);

  if (!start) {
    const none = slots.length === 0 ? await explainNoSlot(ctx, provider, { branch, service, staffId, date }) : null;
    return {
      available: slots.length > 0,
      reason: none?.reason ?? null,
      date: formatGermanDate(noon, tz),
      time: null,
      slots: slots.map((slot) => slotDto(slot, tz)),
      message: none?.message ?? dayMessage(branch, date, slots),
    };
  }

  const time = formatGermanTime(start, tz);
  const match = slots.find((slot) => slot.start.getTime() === start.getTime());
  if (match) {
    return {
      available: true,
      reason: null,
      date: formatGermanDate(start, tz),
      time,
      slots: [slotDto(match, tz)],
      message: `Der Termin am ${spokenDateTime(start, tz)} ist verfügbar.`,
    };
  }
  const opening = checkOpeningHours(branch, start, new Date(start.getTime() + service.durationMinutes * 60_000));
  const nearest = nearestSlots(slots, start);
  const why = opening.open ? await explainNoSlot(ctx, provider, { branch, service, staffId, date, start }) : null;
  // Taken: this time is booked but others that day are free (the alternatives say which).
  const reason = !why ? "closed" : why.reason === "fully_booked" && nearest.length > 0 ? "taken" : why.reason;
  const sentence = why ? why.message : unavailableSentence(branch, start, opening);
  return {
    available: false,
    reason,
    date: formatGermanDate(start, tz),
    time,
    slots: nearest.map((slot) => slotDto(slot, tz)),
    message: `${sentence}${alternativesSentence(nearest, tz, service.name)}`,
  };
}

export async function findNextSlot(
  ctx: ServiceContext,
  params: z.output<typeof s.findNextSlotParams>,
): Promise<z.input<typeof s.findNextSlotResult>> {
  const service = await resolveService(ctx, params);
  const branch = await resolveBranch(ctx, params.branch_id, service);
  const staffId = params.staff_id ? await resolveStaff(ctx, params.staff_id, branch, service) : undefined;
  const today = instantToLocal(ctx.now(), branch.timeZone).date;
  const from = params.from_date ? requireDate(params.from_date) : today;

  const { provider } = await loadCompanyCalendar(ctx);
  const slot = await provider.nextFreeSlot({ branch, service, from: from > today ? from : today, staffId });
  if (!slot) {
    const days = provider.settings.bookingWindowDays;
    const noStaff = provider.kind === "local" && !(await offered(ctx, branch.id, service.id, staffId));
    const tooFar = from > addDaysLocal(today, days);
    return {
      found: false,
      reason: noStaff ? "no_staff_for_service" : tooFar ? "outside_booking_window" : "fully_booked",
      slot: null,
      message: noStaff
        ? `${service.name} bietet in ${branch.name} derzeit leider niemand an.`
        : tooFar
          ? `Termine vergeben wir höchstens ${days} Tage im Voraus.`
          : `In den nächsten ${days} Tagen ist für ${service.name} leider alles ausgebucht.`,
    };
  }
  return {
    found: true,
    reason: null,
    slot: slotDto(slot, branch.timeZone),
    message: `Der nächste freie Termin für ${service.name} ist am ${spokenDateTime(slot.start, branch.timeZone)}.`,
  };
}

export function slotDto(slot: ProviderSlot, tz: string): z.input<typeof s.slotSchema> {
  return {
    start: slot.start.toISOString(),
    end: slot.end.toISOString(),
    date: formatGermanDate(slot.start, tz),
    time: formatGermanTime(slot.start, tz),
    staff_ids: slot.staffIds,
  };
}

/** The free starts closest to `wanted`, in time order. */
export function nearestSlots(slots: readonly ProviderSlot[], wanted: Date, count = ALTERNATIVES): ProviderSlot[] {
  const distance = (slot: ProviderSlot) => Math.abs(slot.start.getTime() - wanted.getTime());
  return [...slots]
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, count)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Whether someone in the branch offers the service (the wished staff member, when named). */
async function offered(ctx: ServiceContext, branchId: string, serviceId: string, staffId: string | undefined): Promise<boolean> {
  return (await masterData(ctx)).staff.some((m) => m.branchId === branchId && m.serviceIds.includes(serviceId) && (!staffId || m.id === staffId));
}

export function alternativesSentence(slots: readonly ProviderSlot[], tz: string, serviceName: string): string {
  if (slots.length === 0) return ` An diesem Tag ist für ${serviceName} leider schon alles ausgebucht.`;
  return ` Möglich wäre${slots.length > 1 ? "n" : ""} ${joinGerman(slots.map((slot) => formatGermanTime(slot.start, tz)), "oder")} Uhr.`;
}

export function unavailableSentence(branch: BranchRef, start: Date, opening: ReturnType<typeof checkOpeningHours>): string {
  const tz = branch.timeZone;
  if (opening.open) return `Am ${spokenDateTime(start, tz)} ist leider kein Termin frei.`;
  return closedSentence({ branch, start, date: instantToLocal(start, tz).date });
}

/** The free times of a day (the empty day is answered by explainNoSlot). */
function dayMessage(branch: BranchRef, date: string, slots: readonly ProviderSlot[]): string {
  const tz = branch.timeZone;
  const day = spokenDate(zonedDateTimeToInstant(date, "12:00", tz), tz);
  const examples = spread(slots, ALTERNATIVES).map((slot) => formatGermanTime(slot.start, tz));
  return `Am ${day} sind noch Termine frei, zum Beispiel um ${joinGerman(examples)} Uhr.`;
}

/** Up to `count` slots spread over the day: the first, the last and evenly between. */
function spread(slots: readonly ProviderSlot[], count: number): ProviderSlot[] {
  if (slots.length <= count) return [...slots];
  return Array.from({ length: count }, (_, i) => slots[Math.round((i * (slots.length - 1)) / (count - 1))]);
}
