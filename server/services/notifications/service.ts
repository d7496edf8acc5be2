/**
 * The dashboard's bell: new phone bookings and new callback tasks of the company. What counts as
 * unread is per user: created after the user's notificationsSeenAt (everything when never marked).
 */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { formatGermanDate, formatGermanTime } from "@/server/scheduling/time";
import { formatPhoneForDisplay } from "@/server/scheduling/phone-display";
import { ACTOR_NAMES } from "@/server/services/appointments/records";
import type * as s from "./schemas";

/** Appointments.createdBy of bookings made by the phone agent. */
const PHONE_BOOKER = ACTOR_NAMES.retell;

async function seenAtOf(ctx: ServiceContext): Promise<Date | null> {
  if (ctx.actor.type !== "user" || !ctx.actor.id) return null;
  const user = await ctx.db.user.findFirst({ where: { id: ctx.actor.id, companyId: ctx.companyId }, select: { notificationsSeenAt: true } });
  return user?.notificationsSeenAt ?? null;
}

export async function listNotifications(ctx: ServiceContext, params: z.output<typeof s.listParams>): Promise<z.input<typeof s.listResult>> {
  const seenAt = await seenAtOf(ctx);
  const bookingsWhere = { companyId: ctx.companyId, createdBy: PHONE_BOOKER };
  const tasksWhere = { companyId: ctx.companyId };
  const newer = seenAt ? { createdAt: { gt: seenAt } } : {};
  const [bookings, tasks, unreadBookings, unreadTasks] = await Promise.all([
    ctx.db.appointment.findMany({
      where: bookingsWhere,
      include: { service: { select: { name: true } }, customer: { select: { name: true, phone: true } }, branch: { select: { timeZone: true } } },
      orderBy: { createdAt: "desc" },
      take: params.limit,
    }),
    ctx.db.task.findMany({
      where: tasksWhere,
      include: { customer: { select: { name: true } }, call: { select: { fromNumber: true } } },
      orderBy: { createdAt: "desc" },
      take: params.limit,
    }),
    ctx.db.appointment.count({ where: { ...bookingsWhere, ...newer } }),
    ctx.db.task.count({ where: { ...tasksWhere, ...newer } }),
  ]);
  const unread = (createdAt: Date) => !seenAt || createdAt > seenAt;
  const items: Array<z.input<typeof s.notificationSchema> & { at: Date }> = [
    ...bookings.map((a) => ({
      at: a.createdAt,
      id: `appointment:${a.id}`,
      kind: "phone_booking" as const,
      title: `Telefonbuchung: ${a.service.name} am ${formatGermanDate(a.startsAt, a.branch.timeZone)} um ${formatGermanTime(a.startsAt, a.branch.timeZone)} Uhr`,
      description: a.customer.name ?? formatPhoneForDisplay(a.customer.phone),
      created_at: a.createdAt.toISOString(),
      href: `/termine/${a.id}`,
      unread: unread(a.createdAt),
    })),
    ...tasks.map((t) => {
      const number = t.call?.fromNumber ? formatPhoneForDisplay(t.call.fromNumber) : null;
      return {
        at: t.createdAt,
        id: `task:${t.id}`,
        kind: "callback" as const,
        title: t.title,
        description: [t.customer?.name, number].filter(Boolean).join(", ") || null,
        created_at: t.createdAt.toISOString(),
        href: `/rueckrufe#aufgabe-${t.id}`,
        unread: unread(t.createdAt),
      };
    }),
  ];
  items.sort((a, b) => b.at.getTime() - a.at.getTime());
  return {
    notifications: items.slice(0, params.limit).map(({ at: _at, ...item }) => item),
    unread_count: unreadBookings + unreadTasks,
    seen_at: seenAt?.toISOString() ?? null,
  };
}

/** "Alle als gelesen markieren": everything created until now counts as read for the calling user. */
export async function markNotificationsSeen(ctx: ServiceContext): Promise<z.input<typeof s.markSeenResult>> {
  if (ctx.actor.type !== "user" || !ctx.actor.id) throw new AppError(ErrorCodes.FORBIDDEN, "Benachrichtigungen lassen sich nur im Dashboard als gelesen markieren.");
  const seenAt = ctx.now();
  const { count } = await ctx.db.user.updateMany({ where: { id: ctx.actor.id, companyId: ctx.companyId }, data: { notificationsSeenAt: seenAt } });
  if (count === 0) throw new AppError(ErrorCodes.NOT_FOUND, "Der Benutzer wurde nicht gefunden.");
  return { id: ctx.actor.id, seen_at: seenAt.toISOString() };
}
