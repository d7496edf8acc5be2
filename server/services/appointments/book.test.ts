import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ErrorCodes } from "@/server/core/errors";
import { logger } from "@/server/platform/logger";
import { bookAppointment } from "./book";
import type { bookParams } from "./schemas";
import { appError, appointmentsFixture, DASHBOARD, FIXED_NOW, RETELL } from "@/server/testing/appointment-fixtures";
import type { z } from "zod";

let f: Awaited<ReturnType<typeof appointmentsFixture>>;
beforeAll(async () => {
  f = await appointmentsFixture();
});
afterAll(() => f.db.close());

type Params = z.output<typeof bookParams>;
const params = (over: Partial<Params> = {}): Params => ({
  branch_id: f.mitte,
  service_name: "Herrenhaarschnitt",
  date: "2026-03-12",
  time: "15:00",
  customer_name: "Karl Neu",
  customer_phone: "0176 99887766",
  ...over,
});

describe("appointments.book", () => {
  it("creates the customer by phone, books the slot and writes the confirmation in the same step", async () => {
    const before = await f.prisma.appointment.findMany({ orderBy: { id: "asc" } });
    const logged = vi.spyOn(logger, "info");
    const result = await bookAppointment(f.ctx(), params({ staff_id: f.staff.Jonas, retell_call_id: "call_1" }));
    expect(logged).toHaveBeenCalledWith({ appointmentId: result.appointment.id, provider: "local" }, "appointment booked");
    logged.mockRestore();
    // One new row; every appointment there before is left as it was.
    const after = await f.prisma.appointment.findMany({ orderBy: { id: "asc" } });
    expect(after.filter((a) => a.id !== result.appointment.id)).toEqual(before);

    expect(result.message).toBe("Ihr Termin für Herrenhaarschnitt am Donnerstag, 12.03.2026 um 15:00 Uhr bei Jonas Wagner ist gebucht.");
    expect(result.appointment).toMatchObject({
      date: "12.03.2026",
      time: "15:00",
      staff: "Jonas Wagner",
      customer_phone: "+4917699887766",
      source: "phone",
      status: "scheduled",
      can_modify: true,
    });
    const row = await f.prisma.appointment.findUniqueOrThrow({ where: { id: result.appointment.id }, include: { customer: true } });
    expect(row.externalUid).toMatch(/^local-/);
    expect(row.retellCallId).toBe("call_1");
    expect(row.endsAt.getTime() - row.startsAt.getTime()).toBe(30 * 60_000);
    expect(row.bufferMinutes).toBe(10);
    expect(row.customer).toMatchObject({ name: "Karl Neu", phone: "+4917699887766" });

    // The confirmation: a Message (rendered from the company's SMS template) and the job that sends it.
    const messages = await f.prisma.message.findMany({ where: { appointmentId: row.id } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      kind: "confirmation",
      channel: "sms",
      to: "+4917699887766",
      state: "queued",
      customerId: row.customerId,
      body: "Hallo Karl Neu, Ihr Termin bei Salon Schönschnitt am 12.03.2026 um 15:00 Uhr ist bestätigt: Herrenhaarschnitt, Salon Schönschnitt Mitte.",
    });
    const jobs = await f.prisma.outboxJob.findMany({ where: { payload: { path: ["appointmentId"], equals: row.id } } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ kind: "message.send", state: "pending", runAt: FIXED_NOW, payload: { messageId: messages[0].id } });
  });

  it("refuses the same staff member's slot a second time, but gives a free colleague's slot without a wish", async () => {
    const at = { time: "16:30", customer_phone: "0176 11111111" };
    await bookAppointment(f.ctx(), params({ ...at, staff_id: f.staff.Jonas }));
    const taken = await appError(bookAppointment(f.ctx(), params({ ...at, staff_id: f.staff.Jonas })));
    expect(taken).toMatchObject({ code: ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE, message: "Der gewünschte Termin ist nicht verfügbar." });
    const other = await bookAppointment(f.ctx(), params(at));
    expect(other.appointment.staff).toBe("Leonie Schmidt");
  });

  it("sends the confirmation by e-mail when the customer gave an address", async () => {
    const result = await bookAppointment(
      f.ctx(DASHBOARD),
      params({ time: "16:00", customer_phone: "0176 22222222", customer_email: "kunde@example.de", service_name: "bartpflege" }),
    );
    expect(result.appointment.source).toBe("dashboard");
    const message = await f.prisma.message.findFirstOrThrow({ where: { appointmentId: result.appointment.id, kind: "confirmation" } });
    expect(message).toMatchObject({ channel: "email", to: "kunde@example.de", subject: "Terminbestätigung: Bartpflege am 12.03.2026 um 16:00 Uhr" });
    expect(message.body).toMatch(/^Hallo Karl Neu,\n\nvielen Dank für Ihre Buchung/);
    const job = await f.prisma.outboxJob.findFirstOrThrow({ where: { payload: { path: ["messageId"], equals: message.id } } });
    expect(job.payload).toMatchObject({ html: expect.stringContaining("Bartpflege"), ics: expect.stringContaining("DTSTART:20260312T150000Z") });
  });

  it("keeps an existing customer's name and links the booking to them", async () => {
    const result = await bookAppointment(f.ctx(), params({ time: "17:30", customer_phone: "+49 (171) 123 456 70", customer_name: "Frau Müller" }));
    expect(result.appointment.customer_name).toBe("Maria Müller");
    expect(await f.prisma.customer.count({ where: { phone: "+4917112345670" } })).toBe(1);
  });

  it("returns the first booking when a retry carries the same idempotency key", async () => {
    const first = await bookAppointment(f.ctx(), params({ time: "12:00", idempotency_key: "retell-call-7-book" }));
    const retry = await bookAppointment(f.ctx(), params({ time: "12:00", idempotency_key: "retell-call-7-book" }));
    expect(first.already_booked).toBe(false);
    expect(retry).toMatchObject({ already_booked: true, appointment: { id: first.appointment.id }, message: first.message });
    expect(await f.prisma.appointment.count({ where: { idempotencyKey: { endsWith: "retell-call-7-book" } } })).toBe(1);
    expect(await f.prisma.outboxJob.count({ where: { payload: { path: ["appointmentId"], equals: first.appointment.id } } })).toBe(1);
  });

  it("answers a reused key with the first booking even when the new time is free, and books nothing else", async () => {
    const first = await bookAppointment(f.ctx(), params({ time: "10:00", idempotency_key: "retell-call-8-book" }));
    const retry = await bookAppointment(f.ctx(), params({ time: "11:30", idempotency_key: "retell-call-8-book" }));
    expect(retry).toMatchObject({ already_booked: true, appointment: { id: first.appointment.id } });
    expect(await f.prisma.appointment.count({ where: { idempotencyKey: { endsWith: "retell-call-8-book" } } })).toBe(1);
    expect(await f.prisma.appointment.count({ where: { startsAt: new Date("2026-03-12T10:30:00Z") } })).toBe(0);
  });

  it("lets parallel retries with one key all answer with the single booking", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => bookAppointment(f.ctx(), params({ time: "18:00", idempotency_key: "same-key-parallel" }))),
    );
    expect(new Set(results.map((r) => r.appointment.id)).size).toBe(1);
    expect(results.filter((r) => !r.already_booked)).toHaveLength(1);
  });

  it("lets exactly one of 20 parallel callers get the same staff member's slot", async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        bookAppointment(f.ctx(), params({ time: "19:00", staff_id: f.staff.Leonie, customer_phone: `0176 3000${String(i).padStart(4, "0")}` })),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const codes = attempts.flatMap((a) => (a.status === "rejected" ? [(a.reason as { code: number }).code] : []));
    expect(new Set(codes)).toEqual(new Set([ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE]));
    expect(await f.prisma.appointment.count({ where: { staffId: f.staff.Leonie, startsAt: new Date("2026-03-12T18:00:00Z") } })).toBe(1);
  });
});

describe("appointments.book: source and customer", () => {
  it("takes the source given; without one, a token caller books as api", async () => {
    const given = await bookAppointment(f.ctx(RETELL), params({ date: "2026-03-13", time: "10:00", customer_phone: "0176 55550001", source: "api" }));
    expect(given.appointment.source).toBe("api");
    const byToken = await bookAppointment(f.ctx({ type: "token", id: "tok-1" }), params({ date: "2026-03-13", time: "11:00", customer_phone: "0176 55550002" }));
    expect(byToken.appointment.source).toBe("api");
  });

  it("updates a known customer's e-mail when one is given and keeps it when none is", async () => {
    await bookAppointment(f.ctx(), params({ date: "2026-03-16", time: "15:00", customer_phone: "0176 55550003", customer_email: "alt@example.de" }));
    await bookAppointment(f.ctx(), params({ date: "2026-03-16", time: "16:00", customer_phone: "0176 55550003", customer_email: "neu@example.de" }));
    const email = async () => (await f.prisma.customer.findFirstOrThrow({ where: { companyId: f.companyId, phone: "+4917655550003" } })).email;
    expect(await email()).toBe("neu@example.de");
    await bookAppointment(f.ctx(), params({ date: "2026-03-16", time: "17:00", customer_phone: "0176 55550003" }));
    expect(await email()).toBe("neu@example.de");
  });

  it("gives a known customer without a name the name said at booking", async () => {
    await f.prisma.customer.create({ data: { companyId: f.companyId, phone: "+4917655550004" } });
    const result = await bookAppointment(f.ctx(), params({ date: "2026-03-16", time: "12:00", customer_phone: "0176 55550004", customer_name: "Nina Namenlos" }));
    expect(result.appointment.customer_name).toBe("Nina Namenlos");
    expect((await f.prisma.customer.findFirstOrThrow({ where: { companyId: f.companyId, phone: "+4917655550004" } })).name).toBe("Nina Namenlos");
  });
});

describe("appointments.book refuses bad input with its own code", () => {
  it("refuses a slot that would run past closing time, naming the date and time asked for", async () => {
    // Thursday closes at 20:00; colouring takes 90 minutes.
    const error = await appError(bookAppointment(f.ctx(), params({ time: "19:00", customer_phone: "0176 44444445", service_name: "Färben" })));
    expect(error).toMatchObject({ code: ErrorCodes.OUTSIDE_BUSINESS_HOURS, details: { date: "2026-03-12", time: "19:00" } });
    expect(error.message).toContain("12.03.2026 um 19:00 Uhr");
  });

  const cases: Array<[string, () => Partial<Params>, number, string]> = [
    ["a malformed phone number", () => ({ customer_phone: "0171 12" }), ErrorCodes.INVALID_PHONE, "Die Telefonnummer ist ungültig."],
    ["a time in the past", () => ({ date: "2026-03-11", time: "09:00" }), ErrorCodes.DATE_IN_PAST, "Dieser Zeitpunkt liegt in der Vergangenheit."],
    ["a date that does not exist", () => ({ date: "2026-02-30" }), ErrorCodes.INVALID_DATE, "Dieses Datum gibt es nicht."],
    [
      "a time after closing",
      () => ({ date: "2026-03-13", time: "18:00" }),
      ErrorCodes.OUTSIDE_BUSINESS_HOURS,
      "Am Freitag, 13.03.2026 um 18:00 Uhr haben wir leider geschlossen.",
    ],
    [
      "a public holiday",
      () => ({ date: "2026-04-03", time: "10:00" }),
      ErrorCodes.OUTSIDE_BUSINESS_HOURS,
      "Am Freitag, 03.04.2026 ist Karfreitag, da haben wir geschlossen.",
    ],
    ["an unknown service", () => ({ service_name: "Dauerwelle" }), ErrorCodes.SERVICE_NOT_MAPPED, "Diese Leistung bieten wir leider nicht an."],
    ["no branch for a company with two", () => ({ branch_id: undefined }), ErrorCodes.BRANCH_NOT_RESOLVED, "In welcher Filiale möchten Sie den Termin?"],
    ["a staff member of the other branch", () => ({ staff_id: f.staff.Mehmet }), ErrorCodes.INVALID_INPUT, "Mehmet Yilmaz arbeitet nicht in Salon Schönschnitt Mitte."],
    [
      "beyond the booking window",
      () => ({ date: "2026-06-01", time: "10:00" }),
      ErrorCodes.CALCOM_SLOT_NOT_AVAILABLE,
      "Termine vergeben wir höchstens 60 Tage im Voraus, der Montag, 01.06.2026 liegt noch außerhalb.",
    ],
  ];
  it.each(cases)("%s", async (_name, over, code, message) => {
    const before = await f.prisma.appointment.count();
    expect(await appError(bookAppointment(f.ctx(), params({ customer_phone: "0176 44444444", ...over() })))).toMatchObject({ code, message });
    expect(await f.prisma.appointment.count()).toBe(before);
  });
});
