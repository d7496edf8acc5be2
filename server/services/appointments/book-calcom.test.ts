/**
 * appointments.book for a company whose calendar is Cal.com (the in-process fake over HTTP):
 * what Cal.com is told about the booking.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callMethod } from "@/server/core/dispatch";
import { calcomWebhookDoor } from "@/server/doors/calcom/webhook-door";
import { signCalcomWebhook } from "@/server/integrations/calcom/webhook-signature";
import { logger } from "@/server/platform/logger";
import { startFakeCalcom, type FakeCalcom } from "@/server/integrations/fakes/calcom-server";
import { appointmentsFixture, DASHBOARD, FIXED_NOW, RETELL } from "@/server/testing/appointment-fixtures";
import { bookAppointment } from "./book";

const API_KEY = "cal_live_0123456789abcdef";
const WEBHOOK_SECRET = "whsec_0123456789abcdef0123";
let f: Awaited<ReturnType<typeof appointmentsFixture>>;
let calcom: FakeCalcom;

beforeAll(async () => {
  f = await appointmentsFixture();
  calcom = await startFakeCalcom({ apiKey: API_KEY, now: () => FIXED_NOW });
  await f.prisma.service.updateMany({ where: { companyId: f.companyId, name: "Herrenhaarschnitt" }, data: { calcomEventTypeId: 1001 } });
  const admin = { type: "user" as const, id: "admin", role: "admin" as const };
  await callMethod(
    "calcom.updateConnection",
    { provider: "calcom", base_url: calcom.url, api_key: API_KEY, webhook_secret: WEBHOOK_SECRET },
    { companyId: f.companyId, actor: admin, correlationId: "t", db: f.prisma, now: () => FIXED_NOW },
  );
});
afterAll(async () => {
  await calcom.close();
  await f.db.close();
});

const sentFor = (phone: string) => [...calcom.state.bookings.values()].find((b) => b.attendees[0]?.phoneNumber === phone);
const params = (time: string, phone: string) => ({ branch_id: f.mitte, service_name: "Herrenhaarschnitt", date: "2026-03-12", time, customer_name: "Eva Cal", customer_phone: phone });

describe("appointments.book through Cal.com", () => {
  it("tells Cal.com the caller (name, phone, e-mail) and, as metadata, the source and Retell's call id", async () => {
    const result = await bookAppointment(f.ctx(RETELL), { ...params("10:30", "0176 7100001"), customer_email: "eva@example.de", retell_call_id: "call_cal_1" });
    const sent = sentFor("+491767100001");
    expect(sent?.attendees[0]).toMatchObject({ name: "Eva Cal", phoneNumber: "+491767100001", email: "eva@example.de" });
    expect(sent?.metadata).toEqual({ source: "phone", retell_call_id: "call_cal_1" });
    expect((await f.prisma.appointment.findUniqueOrThrow({ where: { id: result.appointment.id } })).externalUid).toBe(sent?.uid);
  });

  it("without a call id, the metadata names only the source", async () => {
    await bookAppointment(f.ctx(DASHBOARD), params("11:30", "0176 7100002"));
    expect(sentFor("+491767100002")?.metadata).toEqual({ source: "dashboard" });
  });

  it("takes over the row Cal.com's webhook mirrored before the booking's answer arrived", async () => {
    // Cal.com creates the booking at once but answers late; its BOOKING_CREATED webhook comes first.
    calcom.state.delayMs = 3_000;
    try {
      const booking = bookAppointment(f.ctx(RETELL), { ...params("12:00", "0176 7100003"), retell_call_id: "call_cal_3" });
      await expect.poll(() => sentFor("+491767100003"), { timeout: 2_500, interval: 20 }).toBeDefined();
      const sent = sentFor("+491767100003")!;
      const raw = JSON.stringify({
        triggerEvent: "BOOKING_CREATED",
        payload: { uid: sent.uid, eventTypeId: sent.eventTypeId, startTime: sent.start.toISOString(), endTime: sent.end.toISOString(), attendees: sent.attendees },
      });
      const webhook = await calcomWebhookDoor(
        new Request("http://localhost/api/mcp/calcom/webhook?company=demo", {
          method: "POST",
          headers: { "x-cal-signature-256": signCalcomWebhook(raw, WEBHOOK_SECRET) },
          body: raw,
        }),
        { db: f.prisma, now: () => FIXED_NOW, log: logger },
      );
      expect(webhook.status).toBe(200);
      const mirrored = await f.prisma.appointment.findFirstOrThrow({ where: { companyId: f.companyId, externalUid: sent.uid } });
      expect(mirrored.source).toBe("calcom");

      const result = await booking;
      expect(result.appointment.id).toBe(mirrored.id);
      const rows = await f.prisma.appointment.findMany({ where: { companyId: f.companyId, externalUid: sent.uid } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ source: "phone", retellCallId: "call_cal_3" });
    } finally {
      calcom.state.delayMs = 0;
    }
  });

  it("answers a retry with the same idempotency key from the first booking, without asking Cal.com again", async () => {
    const request = { ...params("14:00", "0176 7100004"), idempotency_key: "retry-cal-1" };
    const first = await bookAppointment(f.ctx(RETELL), request);
    const asked = calcom.state.requestsTo("POST", "/v2/bookings").length;

    const again = await bookAppointment(f.ctx(RETELL), request);
    expect(again).toMatchObject({ success: true, already_booked: true, appointment: { id: first.appointment.id } });
    expect(first).toMatchObject({ success: true, already_booked: false });
    // Cal.com assigns no staff member of ours, so the sentence names none.
    expect(first.appointment.staff_id).toBeNull();
    expect(again.message).toBe("Ihr Termin für Herrenhaarschnitt am Donnerstag, 12.03.2026 um 14:00 Uhr ist gebucht.");
    expect(calcom.state.requestsTo("POST", "/v2/bookings")).toHaveLength(asked);
  });
});
