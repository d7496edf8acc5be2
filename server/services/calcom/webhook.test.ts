import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signCalcomWebhook } from "@/server/integrations/calcom/webhook-signature";
import { logger } from "@/server/platform/logger";
import { FIXED_NOW, seededTestDb, testContext } from "@/server/testing/retell";
import { updateConnection } from "./connection";
import { calcomWebhookDoor } from "@/server/doors/calcom/webhook-door";

const SECRET = "whsec_calcom_demo_0123456789";
let db: Awaited<ReturnType<typeof seededTestDb>>;
let herrenId: string;

beforeAll(async () => {
  db = await seededTestDb();
  const ctx = testContext(db.prisma, db.companyId);
  await updateConnection(ctx, { provider: "calcom", base_url: "http://127.0.0.1:9/v2", api_key: "cal_key_unused", webhook_secret: SECRET });
  herrenId = (await db.prisma.service.findFirstOrThrow({ where: { companyId: db.companyId, name: "Herrenhaarschnitt" } })).id;
  await db.prisma.service.update({ where: { id: herrenId }, data: { calcomEventTypeId: 1001 } });
});
afterAll(() => db.close());

function deliver(body: unknown, opts: { secret?: string; company?: string; signature?: string | null } = {}) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  const signature = opts.signature === undefined ? signCalcomWebhook(raw, opts.secret ?? SECRET) : opts.signature;
  if (signature !== null) headers["x-cal-signature-256"] = signature;
  const request = new Request(`http://localhost/api/mcp/calcom/webhook?company=${opts.company ?? "demo"}`, { method: "POST", headers, body: raw });
  return calcomWebhookDoor(request, { db: db.prisma, now: () => FIXED_NOW, log: logger }).then(async (r) => ({ status: r.status, body: await r.json() }));
}

const event = (triggerEvent: string, payload: Record<string, unknown>) => ({ triggerEvent, createdAt: "2026-03-11T09:00:00.000Z", payload });
const created = (uid: string, start: string, phone = "+4917688877766") =>
  event("BOOKING_CREATED", {
    uid,
    bookingId: 1,
    eventTypeId: 1001,
    title: "Herrenhaarschnitt",
    startTime: start,
    endTime: new Date(new Date(start).getTime() + 30 * 60_000).toISOString(),
    attendees: [{ name: "Carl Kalender", email: "carl@example.de", phoneNumber: phone, timeZone: "Europe/Berlin" }],
    status: "ACCEPTED",
  });
const byUid = (uid: string) => db.prisma.appointment.findFirst({ where: { externalUid: uid }, include: { customer: true } });

describe("Cal.com webhook", () => {
  it("mirrors a booking made in Cal.com and ignores the repeated delivery", async () => {
    const body = created("cal-uid-1", "2026-03-17T09:00:00.000Z");
    expect(await deliver(body)).toEqual({ status: 200, body: { received: true, outcome: "processed" } });
    const row = await byUid("cal-uid-1");
    expect(row).toMatchObject({ source: "calcom", serviceId: herrenId, staffId: null, status: "scheduled", bufferMinutes: 10 });
    expect(row?.customer).toMatchObject({ phone: "+4917688877766", name: "Carl Kalender" });

    expect(await deliver(body)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(await db.prisma.appointment.count({ where: { externalUid: "cal-uid-1" } })).toBe(1);
    expect(await db.prisma.webhookEvent.count({ where: { provider: "calcom" } })).toBe(1);
  });

  it("follows a reschedule to the new uid and time", async () => {
    await deliver(created("cal-uid-2", "2026-03-18T09:00:00.000Z"));
    const moved = event("BOOKING_RESCHEDULED", {
      uid: "cal-uid-3",
      rescheduleUid: "cal-uid-2",
      eventTypeId: 1001,
      startTime: "2026-03-19T13:00:00.000Z",
      endTime: "2026-03-19T13:30:00.000Z",
      attendees: [{ name: "Carl Kalender", phoneNumber: "+4917688877766" }],
    });
    expect((await deliver(moved)).body).toMatchObject({ outcome: "processed" });
    const row = await byUid("cal-uid-3");
    expect(row).toMatchObject({ startsAt: new Date("2026-03-19T13:00:00.000Z"), rescheduledBy: "calcom", rescheduledAt: FIXED_NOW });
    expect(await byUid("cal-uid-2")).toBeNull();
  });

  it("cancels and counts the cancellation once", async () => {
    await deliver(created("cal-uid-4", "2026-03-20T09:00:00.000Z", "+4917612121212"));
    const cancel = event("BOOKING_CANCELLED", { uid: "cal-uid-4", cancellationReason: "Kunde verhindert", attendees: [] });
    expect((await deliver(cancel)).body).toMatchObject({ outcome: "processed" });
    expect((await deliver(cancel)).body).toMatchObject({ duplicate: true });
    const row = await byUid("cal-uid-4");
    expect(row).toMatchObject({ status: "cancelled", cancelledBy: "calcom", cancellationReason: "Kunde verhindert" });
    expect(row?.customer.cancellationCount).toBe(1);
  });

  it("records a booking whose event type is not mapped as failed, for a later replay", async () => {
    const unmapped = { ...created("cal-uid-5", "2026-03-20T10:00:00.000Z"), payload: { ...created("cal-uid-5", "2026-03-20T10:00:00.000Z").payload, eventTypeId: 4242 } };
    expect((await deliver(unmapped)).body).toMatchObject({ outcome: "failed" });
    const stored = await db.prisma.webhookEvent.findFirstOrThrow({ where: { dedupeKey: { contains: "cal-uid-5" } } });
    expect(stored).toMatchObject({ status: "failed", error: "Terminart 4242 ist keiner Leistung zugeordnet" });
    expect(await byUid("cal-uid-5")).toBeNull();
  });

  it("refuses a wrong signature, a missing one, another company's secret and a broken body", async () => {
    const body = created("cal-uid-6", "2026-03-20T11:00:00.000Z");
    expect((await deliver(body, { secret: "some-other-secret-value" })).status).toBe(401);
    expect((await deliver(body, { signature: null })).status).toBe(401);
    expect((await deliver(body, { company: "unbekannt" })).status).toBe(401);
    expect((await deliver("{not json")).status).toBe(400);
    expect(await byUid("cal-uid-6")).toBeNull();
  });
});
