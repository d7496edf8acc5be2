/**
 * appointments.update for a company whose calendar is Cal.com: Cal.com decides event type and
 * host, so another service or staff member is refused with a clear message (and Cal.com is not
 * touched); notes and customer stay editable here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callMethod } from "@/server/core/dispatch";
import { ErrorCodes } from "@/server/core/errors";
import { startFakeCalcom, type FakeCalcom } from "@/server/integrations/fakes/calcom-server";
import { appError, appointmentsFixture, DASHBOARD, FIXED_NOW } from "@/server/testing/appointment-fixtures";
import { bookAppointment } from "./book";
import { updateAppointment } from "./update";

const API_KEY = "cal_live_0123456789abcdef";
let f: Awaited<ReturnType<typeof appointmentsFixture>>;
let calcom: FakeCalcom;

beforeAll(async () => {
  f = await appointmentsFixture();
  calcom = await startFakeCalcom({ apiKey: API_KEY, now: () => FIXED_NOW });
  await f.prisma.service.updateMany({ where: { companyId: f.companyId, name: "Herrenhaarschnitt" }, data: { calcomEventTypeId: 1001 } });
  const admin = { type: "user" as const, id: "admin", role: "admin" as const };
  await callMethod(
    "calcom.updateConnection",
    { provider: "calcom", base_url: calcom.url, api_key: API_KEY, webhook_secret: "whsec_0123456789abcdef0123" },
    { companyId: f.companyId, actor: admin, correlationId: "t", db: f.prisma, now: () => FIXED_NOW },
  );
});
afterAll(async () => {
  await calcom.close();
  await f.db.close();
});

describe("appointments.update through Cal.com", () => {
  it("refuses another service or staff member, keeps Cal.com's booking, and still saves notes", async () => {
    const booked = await bookAppointment(f.ctx(DASHBOARD), {
      branch_id: f.mitte,
      service_name: "Herrenhaarschnitt",
      date: "2026-03-12",
      time: "10:30",
      customer_name: "Eva Cal",
      customer_phone: "0176 7200001",
    });
    const bookingsBefore = JSON.stringify([...calcom.state.bookings.values()]);
    const message = "Bei Terminen aus Cal.com legt Cal.com Leistung und Mitarbeiter fest. Bitte stornieren Sie den Termin und buchen Sie ihn neu.";
    expect(await appError(updateAppointment(f.ctx(DASHBOARD), { appointment_id: booked.appointment.id, staff_id: f.staff.Leonie }))).toMatchObject({
      code: ErrorCodes.CONFLICT,
      message,
    });
    expect(await appError(updateAppointment(f.ctx(DASHBOARD), { appointment_id: booked.appointment.id, service_id: f.serviceId("Färben") }))).toMatchObject({ message });
    expect(JSON.stringify([...calcom.state.bookings.values()])).toBe(bookingsBefore);

    const noted = await updateAppointment(f.ctx(DASHBOARD), { appointment_id: booked.appointment.id, notes: "Kommt mit Kind" });
    expect(noted.appointment).toMatchObject({ notes: "Kommt mit Kind", service: "Herrenhaarschnitt" });
  });
});
