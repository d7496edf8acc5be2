/**
 * The bell: phone bookings (booked by the agent, not from the dashboard) and callback tasks,
 * unread per user until "Alle als gelesen markieren", never another company's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callMethod } from "@/server/core/dispatch";
import type { Actor } from "@/server/core/types";
import { DEMO_USERS, OTHER_DEMO_USERS } from "@/server/seed/logins";
import { seedOtherDemoCompany } from "@/server/seed/other-company";
import { bookAppointment } from "@/server/services/appointments/service";
import { FIXED_NOW, seededTestDb, testContext } from "@/server/testing/retell";
import type { NotificationDto } from "./schemas";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let otherId: string;
let adminId: string;
let staffId: string;
let otherAdminId: string;
// The real clock: rows get their createdAt from the database's clock, the mark from ctx.now().
const now = () => new Date();
/** A Monday at least two weeks ahead (YYYY-MM-DD), free in the demo data. */
const MONDAY = (() => {
  const day = new Date(Date.now() + 14 * 86_400_000);
  while (day.getUTCDay() !== 1) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
})();
const germanDay = MONDAY.split("-").reverse().join(".");

beforeAll(async () => {
  db = await seededTestDb();
  otherId = await seedOtherDemoCompany(db.prisma, { now: FIXED_NOW });
  const id = async (email: string) => (await db.prisma.user.findFirstOrThrow({ where: { email } })).id;
  adminId = await id(DEMO_USERS.admin.email);
  staffId = await id(DEMO_USERS.staff.email);
  otherAdminId = await id(OTHER_DEMO_USERS.otherAdmin.email);
});
afterAll(() => db.close());

const as = (userId: string, companyId = db.companyId, role: "admin" | "staff" = "admin") => ({
  companyId,
  actor: { type: "user" as const, id: userId, role },
  correlationId: "t",
  db: db.prisma,
  now,
});
const list = async (ctx: ReturnType<typeof as>) =>
  (await callMethod("notifications.list", {}, ctx)).data as { notifications: NotificationDto[]; unread_count: number; seen_at: string | null };

async function book(actor: Actor, date: string, time: string, phone: string) {
  const ctx = testContext(db.prisma, db.companyId, { actor, now });
  const branch = await db.prisma.branch.findFirstOrThrow({ where: { companyId: db.companyId, name: "Salon Schönschnitt Mitte" } });
  const service = await db.prisma.service.findFirstOrThrow({ where: { companyId: db.companyId, name: "Herrenhaarschnitt" } });
  return (await bookAppointment(ctx, { branch_id: branch.id, service_id: service.id, date, time, customer_name: "Bruno Bell", customer_phone: phone })).appointment;
}
const task = (title: string) => db.prisma.task.create({ data: { companyId: db.companyId, title } });

describe("notifications", () => {
  it("lists phone bookings and callback tasks, newest first, all unread before the first mark", async () => {
    const phone = await book({ type: "retell", id: null }, MONDAY, "10:00", "+4917011100001");
    await book({ type: "user", id: adminId, role: "admin" }, MONDAY, "12:00", "+4917011100002");
    const callback = await task("Rückruf: Terminwunsch von Bruno Bell");

    const seen = await list(as(adminId));
    expect(seen.seen_at).toBeNull();
    expect(seen.unread_count).toBe(2);
    expect(seen.notifications).toEqual([
      expect.objectContaining({ id: `task:${callback.id}`, kind: "callback", title: "Rückruf: Terminwunsch von Bruno Bell", href: `/rueckrufe#aufgabe-${callback.id}`, unread: true }),
      expect.objectContaining({
        id: `appointment:${phone.id}`,
        kind: "phone_booking",
        title: `Telefonbuchung: Herrenhaarschnitt am ${germanDay} um 10:00 Uhr`,
        description: "Bruno Bell",
        href: `/termine/${phone.id}`,
        unread: true,
      }),
    ]);
  });

  it("counts only what is newer than the user's own mark", async () => {
    const { data } = await callMethod("notifications.markSeen", {}, as(staffId, db.companyId, "staff"));
    expect(data).toMatchObject({ id: staffId });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: staffId } })).notificationsSeenAt?.toISOString()).toBe((data as { seen_at: string }).seen_at);
    const staffView = await list(as(staffId, db.companyId, "staff"));
    expect(staffView.unread_count).toBe(0);
    expect(staffView.notifications.every((n) => !n.unread)).toBe(true);
    // The admin has not marked anything: still two.
    expect((await list(as(adminId))).unread_count).toBe(2);

    const fresh = await task("Rückruf: unvollständige Terminanfrage von Anrufer");
    await book({ type: "retell", id: null }, MONDAY, "11:00", "+4917011100003");
    const after = await list(as(staffId, db.companyId, "staff"));
    expect(after.unread_count).toBe(2);
    expect(after.notifications.filter((n) => n.unread).map((n) => n.kind)).toEqual(["phone_booking", "callback"]);
    expect(after.notifications.find((n) => n.id === `task:${fresh.id}`)?.unread).toBe(true);
  });

  it("keeps companies apart: another company's user sees and marks only its own", async () => {
    const other = await list(as(otherAdminId, otherId));
    expect(other.notifications).toEqual([]);
    expect(other.unread_count).toBe(0);
    // A user of another company cannot be marked through this company.
    await expect(callMethod("notifications.markSeen", {}, as(otherAdminId, db.companyId))).rejects.toMatchObject({ code: 3005 });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: otherAdminId } })).notificationsSeenAt).toBeNull();
    await callMethod("notifications.markSeen", {}, as(otherAdminId, otherId));
    expect((await list(as(adminId))).unread_count).toBe(4);
  });

  it("marks only for dashboard users", async () => {
    const token = { companyId: db.companyId, actor: { type: "token" as const, id: "tok", allowedServers: ["notifications"] }, correlationId: "t", db: db.prisma, now };
    await expect(callMethod("notifications.markSeen", {}, token)).rejects.toMatchObject({ code: 3006 });
  });
});
