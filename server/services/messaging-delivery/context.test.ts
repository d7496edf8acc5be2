/**
 * The cached messaging context: once a booking has read it, a booking's messages ask the
 * database nothing (see query-budget.test.ts); these tests hold that every change the messages
 * depend on still reaches the next booking at once, made through the methods the dashboard calls.
 * FIXED_NOW is Wednesday 11.03.2026, 10:00 in Berlin.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/core/types";
import { callMethod, type DoorContext } from "@/server/core/dispatch";
import { bookAppointment } from "@/server/services/appointments/book";
import { appointmentsFixture, DASHBOARD, FIXED_NOW } from "@/server/testing/appointment-fixtures";
import { messagingContext } from "./context";

const ADMIN: Actor = { type: "user", id: "admin-1", role: "admin" };

let f: Awaited<ReturnType<typeof appointmentsFixture>>;
beforeAll(async () => {
  f = await appointmentsFixture();
}, 60_000);
afterAll(() => f.db.close());

const admin = (): DoorContext => ({ companyId: f.companyId, actor: ADMIN, correlationId: "t", db: f.prisma, now: () => FIXED_NOW });

let phone = 0;
/** Books a men's cut in Mitte at 15:00 for a new customer without e-mail (so by SMS) and returns its messages. */
async function bookAndRead(date: string) {
  phone += 1;
  const { appointment } = await bookAppointment(f.ctx(DASHBOARD), {
    branch_id: f.mitte,
    service_name: "Herrenhaarschnitt",
    customer_name: "Kim Kunde",
    customer_phone: `0176 5550${String(phone).padStart(4, "0")}`,
    date,
    time: "15:00",
  });
  return f.prisma.message.findMany({ where: { appointmentId: appointment.id }, orderBy: { createdAt: "asc" } });
}

describe("the messaging context of a booking", () => {
  it("is cached after the first booking, with the branch's address and the company's zone", async () => {
    await bookAndRead("2026-03-16");
    const context = await messagingContext(f.prisma, f.companyId);
    expect(context).toMatchObject({ timeZone: "Europe/Berlin", reminderOffsets: [1440], smsReminders: false });
    expect(context!.branches.map((b) => b.id)).toContain(f.mitte);
  });

  it("uses a text the company saved a moment ago", async () => {
    await bookAndRead("2026-03-17");
    await callMethod("messaging.templates.update", { channel: "sms", kind: "confirmation", body: "Neu: {datum} um {uhrzeit}, {adresse}" }, admin());
    const [confirmation] = await bookAndRead("2026-03-18");
    expect(confirmation!.body).toMatch(/^Neu: 18\.03\.2026 um 15:00, /);

    await callMethod("messaging.templates.reset", { channel: "sms", kind: "confirmation" }, admin());
    const [again] = await bookAndRead("2026-03-19");
    expect(again!.body).not.toMatch(/^Neu:/);
  });

  it("writes the branch's new address into the next confirmation", async () => {
    await callMethod("messaging.templates.update", { channel: "sms", kind: "confirmation", body: "Adresse: {adresse}" }, admin());
    const [cached] = await bookAndRead("2026-03-20"); // the context with the text and the old address is cached now
    expect(cached!.body).not.toContain("Neue Straße 5");
    await callMethod("branch.update", { branch_id: f.mitte, street: "Neue Straße 5" }, admin());
    const [confirmation] = await bookAndRead("2026-03-23");
    expect(confirmation!.body).toMatch(/^Adresse: Neue Straße 5, /);
    await callMethod("messaging.templates.reset", { channel: "sms", kind: "confirmation" }, admin());
  });

  it("plans reminders by the settings saved a moment ago", async () => {
    const before = await bookAndRead("2026-03-24");
    expect(before.filter((m) => m.kind === "reminder")).toHaveLength(0); // SMS reminders are off by default
    await callMethod(
      "messaging.delivery.updateReminderSettings",
      { reminder_offsets: [1440, 120], email_reminders: true, sms_reminders: true, quiet_from: "21:00", quiet_until: "08:00" },
      admin(),
    );
    const after = await bookAndRead("2026-03-25");
    const reminders = after.filter((m) => m.kind === "reminder");
    expect(reminders.map((m) => m.channel)).toEqual(["sms", "sms"]);
  });
});
