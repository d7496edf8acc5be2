/** Termine through tRPC: staff list, book, move and cancel with the service's rules; other companies see nothing. */
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "@/server/doors/trpc/root";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import type { AppointmentDto, SlotDto } from "@/server/services/appointments/schemas";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { seedDemoData } from "@/server/seed";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";

// Tuesday 10.03.2026, 09:00 in Berlin. The demo's working days ahead: 11., 12., 13., 16., 17. and 18.03.
const NOW = new Date("2026-03-10T08:00:00Z");

let db: TestDb;
let staff: Session;
let otherAdmin: Session;
let ids: { mitte: string; prenzlberg: string; jonas: string; herren: string };

type List = { appointments: AppointmentDto[]; total: number };

const call = (path: string, session: Session, input?: unknown, mutation = false) =>
  callTrpc(appRouter, path, session, input, { db: db.prisma, mutation, now: () => NOW });
const list = async (input: object) => (await call("appointments.list", staff, { limit: 50, offset: 0, ...input })).data as List;
const NEXT_14_DAYS = { date_from: "2026-03-10", date_to: "2026-03-24" };

beforeAll(async () => {
  db = await createTestDb();
  await seedDemoData(db.prisma, { now: NOW });
  const [demo, physio] = await Promise.all(["demo", "physio-demo"].map((slug) => db.prisma.company.findUniqueOrThrow({ where: { slug } })));
  staff = (await sessionsOf(db.prisma, demo.id)).staff;
  otherAdmin = (await sessionsOf(db.prisma, physio.id)).admin;
  const branch = (name: string) => db.prisma.branch.findFirstOrThrow({ where: { companyId: demo.id, name } });
  ids = {
    mitte: (await branch("Salon Schönschnitt Mitte")).id,
    prenzlberg: (await branch("Salon Schönschnitt Prenzlauer Berg")).id,
    jonas: (await db.prisma.staff.findFirstOrThrow({ where: { name: "Jonas Wagner" } })).id,
    herren: (await db.prisma.service.findFirstOrThrow({ where: { companyId: demo.id, name: "Herrenhaarschnitt" } })).id,
  };
});

beforeEach(() => {
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
});

afterAll(async () => {
  await db?.close();
});

describe("Termine: list and detail", () => {
  it("filters by date range, branch, staff, status and customer (name or any spoken form of the number), with paging", async () => {
    const next = await list(NEXT_14_DAYS);
    expect(next.total).toBe(9);
    expect(next.appointments[0]).toMatchObject({ date: "11.03.2026", time: "10:00", customer_name: "Maria Müller", status: "scheduled" });
    expect((await list({ date_from: "2026-03-01", date_to: "2026-03-09" })).appointments.map((a) => a.status)).toEqual(["completed", "completed", "no_show"]);
    expect((await list({ ...NEXT_14_DAYS, branch_id: ids.prenzlberg })).appointments.map((a) => a.customer_name)).toEqual(["Julia Meyer", "Sabine Fischer"]);
    expect((await list({ ...NEXT_14_DAYS, staff_id: ids.jonas })).appointments.map((a) => a.service)).toEqual(["Herrenhaarschnitt", "Bartpflege"]);
    expect((await list({ status: "no_show" })).appointments.map((a) => a.customer_name)).toEqual(["Julia Meyer"]);
    for (const search of ["müller", "0171 12345670", "+49 (171) 1234 5670", "0049 171 12345670"]) {
      expect((await list({ ...NEXT_14_DAYS, search })).appointments.map((a) => a.date), search).toEqual(["11.03.2026", "16.03.2026"]);
    }
    const page2 = await list({ ...NEXT_14_DAYS, limit: 5, offset: 5 });
    expect(page2.total).toBe(9);
    expect(page2.appointments.map((a) => a.id)).toEqual(next.appointments.slice(5).map((a) => a.id));
  });

  it("gets one appointment with everything known, including the call that booked it", async () => {
    const maria = (await list({ ...NEXT_14_DAYS, search: "Maria" })).appointments[0];
    const res = await call("appointments.get", staff, { appointment_id: maria.id });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      appointment: { id: maria.id, customer_phone: "+4917112345670", service: "Damenhaarschnitt", staff: "Anna Becker", branch: "Salon Schönschnitt Mitte", source: "phone" },
      call: { retell_call_id: expect.stringMatching(/^call_seed_/), outcome: "booked", from_number: "+4917112345670", summary: "Maria Müller buchte einen Damenhaarschnitt." },
    });
    const dashboardBooked = (await list({ ...NEXT_14_DAYS, search: "Michael" })).appointments[0];
    expect((await call("appointments.get", staff, { appointment_id: dashboardBooked.id })).data).toMatchObject({ call: null });
  });

  it("offers the filters' option lists of the own company", async () => {
    expect(((await call("branch.list", staff, {})).data as { total: number }).total).toBe(2);
    expect(((await call("staff.list", staff, {})).data as { total: number }).total).toBe(5);
    const services = (await call("service.list", staff, {})).data as { services: Array<{ name: string }> };
    expect(services.services.map((s) => s.name).sort()).toEqual(["Bartpflege", "Damenhaarschnitt", "Färben", "Herrenhaarschnitt"]);
    expect((await call("staff.list", otherAdmin, {})).data).toMatchObject({ total: 1, staff: [{ name: "Eva Lind" }] });
  });
});

describe("Termine: book, change, cancel as staff", () => {
  let booked: AppointmentDto;

  it("books a free time from checkAvailability; the slot is then taken", async () => {
    const free = await call("appointments.checkAvailability", staff, { branch_id: ids.mitte, service_id: ids.herren, staff_id: ids.jonas, date: "2026-03-16" });
    const slot = (free.data as { slots: SlotDto[] }).slots[0];
    expect(slot).toMatchObject({ date: "16.03.2026", time: "10:00", staff_ids: [ids.jonas] });

    const input = { branch_id: ids.mitte, service_id: ids.herren, staff_id: ids.jonas, date: "2026-03-16", time: slot.time, customer_name: "Eva Neu", customer_phone: "0170 5551234" };
    const res = await call("appointments.book", staff, { ...input, idempotency_key: "dialog-0001" }, true);
    expect(res.status).toBe(200);
    booked = (res.data as { appointment: AppointmentDto }).appointment;
    expect(res.data).toMatchObject({ message: "Ihr Termin für Herrenhaarschnitt am Montag, 16.03.2026 um 10:00 Uhr bei Jonas Wagner ist gebucht." });
    expect(booked).toMatchObject({ source: "dashboard", status: "scheduled", customer_phone: "+491705551234" });
    expect((await list({ date_from: "2026-03-16", date_to: "2026-03-16" })).appointments.map((a) => a.customer_name)).toContain("Eva Neu");

    // A double submit of the same dialog returns the first booking; another booking of the slot is refused.
    expect((await call("appointments.book", staff, { ...input, idempotency_key: "dialog-0001" }, true)).data).toMatchObject({ already_booked: true, appointment: { id: booked.id } });
    const taken = await call("appointments.book", staff, { ...input, customer_name: "Zweite Person", idempotency_key: "dialog-0002" }, true);
    expect(taken.error).toMatchObject({ message: "Der gewünschte Termin ist nicht verfügbar.", data: { appError: { code: 2003 } } });
  });

  it("moves to a free time, refuses a taken one with the service's message", async () => {
    // Jonas has Stefan Wolf's Bartpflege on Thursday at 15:00.
    const taken = await call("appointments.change", staff, { appointment_id: booked.id, new_date: "2026-03-12", new_time: "15:00" }, true);
    expect(taken.error?.message).toBe("Der gewünschte Termin ist nicht verfügbar.");
    const past = await call("appointments.change", staff, { appointment_id: booked.id, new_date: "2026-03-09", new_time: "15:00" }, true);
    expect(past).toMatchObject({ status: 400, error: { message: "Dieser Zeitpunkt liegt in der Vergangenheit." } });

    const moved = await call("appointments.change", staff, { appointment_id: booked.id, new_date: "2026-03-16", new_time: "11:00", reason: "Kundin kommt später" }, true);
    expect(moved.data).toMatchObject({
      message: "Ihr Termin wurde auf 16.03.2026 um 11:00 Uhr verschoben.",
      appointment: { time: "11:00", staff: "Jonas Wagner", reschedule_reason: "Kundin kommt später" },
    });
  });

  it("cancels with a reason; the list shows the new status and a second cancel is refused", async () => {
    const res = await call("appointments.cancel", staff, { appointment_id: booked.id, reason: "Kundin verhindert" }, true);
    expect(res.data).toMatchObject({
      appointment: { status: "cancelled", cancellation_reason: "Kundin verhindert", cancelled_by: staff.user.name },
      refund_policy: "Stornierungen bis 24 Stunden vorher sind kostenlos.",
    });
    expect((await list({ status: "cancelled" })).appointments.map((a) => a.id)).toEqual([booked.id]);
    const again = await call("appointments.cancel", staff, { appointment_id: booked.id }, true);
    expect(again).toMatchObject({ status: 409, error: { message: "Dieser Termin ist nicht mehr aktiv und kann nicht storniert werden." } });
  });
});

describe("Termine: other companies and invalid input", () => {
  it("answers another company's appointment id with 404 and no data, and refuses to cancel it", async () => {
    const maria = (await list({ ...NEXT_14_DAYS, search: "Maria" })).appointments[0];
    const res = await call("appointments.get", otherAdmin, { appointment_id: maria.id });
    expect(res).toMatchObject({ status: 404, data: undefined, error: { message: "Der Termin wurde nicht gefunden." } });
    expect(JSON.stringify(res.error)).not.toContain("Maria");

    expect((await call("appointments.cancel", otherAdmin, { appointment_id: maria.id }, true)).status).toBe(404);
    expect((await call("appointments.get", staff, { appointment_id: maria.id })).data).toMatchObject({ appointment: { status: "scheduled" } });
    const own = (await call("appointments.list", otherAdmin, {})).data as List;
    expect(own.appointments.map((a) => a.customer_name)).toEqual(["Hanna Berg"]);
  });

  it("returns German field issues for invalid input", async () => {
    const bad = await call("appointments.book", staff, { branch_id: ids.mitte, service_id: ids.herren, date: "16.03.2026", time: "25:00", customer_phone: "0170 5551234" }, true);
    expect(bad.status).toBe(400);
    const issues = (bad.error?.data.issues ?? []) as Array<{ path: string; message: string }>;
    expect(Object.fromEntries(issues.map((i) => [i.path, i.message]))).toMatchObject({
      date: "Bitte ein Datum wie 2026-03-01 angeben (Jahr-Monat-Tag).",
      time: "Bitte eine Uhrzeit wie 09:30 angeben (Stunden:Minuten).",
      customer_name: expect.any(String),
    });
    const listed = await call("appointments.list", staff, { limit: 0 });
    expect(listed.status).toBe(400);
    expect((listed.error?.data.issues as Array<{ path: string }>).map((i) => i.path)).toEqual(["limit"]);
  });
});
