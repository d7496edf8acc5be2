/**
 * What one live-call function costs the database, counted through the door Retell calls on the
 * seeded demo company: every Prisma operation (each is compiled and interpreted by the client)
 * and every SQL statement. The budgets are exact: a change that adds a query fails here and has
 * to say why it is worth it. Written-behind rows (audit, replay record) are counted too, by
 * flushing them inside the measured span.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleCustomFunction } from "@/server/doors/retell/custom-function-door";
import { flushWriteBehind } from "@/server/platform/write-behind";
import { queryCounter, type QueryCount, type QueryCounter } from "@/server/testing/query-counter";
import { demoCall, FIXED_NOW, seededTestDb, signedRequest } from "@/server/testing/retell";

const URL_BASE = "http://localhost/api/mcp/retell/custom-function";
let db: Awaited<ReturnType<typeof seededTestDb>>;
let counter: QueryCounter;

beforeAll(async () => {
  db = await seededTestDb();
  counter = await queryCounter(db.pglite);
});
afterAll(async () => {
  await counter.close();
  await db.close();
});

interface Sent {
  name: string;
  callId: string;
  args: Record<string, unknown>;
  from?: string;
}

/** Sends the requests at once (like parallel callers) and counts everything until their rows are written. */
async function measure(...requests: Sent[]): Promise<{ answers: Array<Record<string, unknown>>; queries: QueryCount }> {
  const { result, queries } = await counter.count(async () => {
    const answers = await Promise.all(
      requests.map(async ({ name, callId, args, from }) => {
        const body = { name, call: demoCall(callId, from ? { from_number: from } : {}), args };
        const res = await handleCustomFunction(signedRequest(URL_BASE, body), null, { db: counter.prisma, now: () => FIXED_NOW });
        expect(res.status).toBe(200);
        return (await res.json()) as Record<string, unknown>;
      }),
    );
    await flushWriteBehind();
    return answers;
  });
  return { answers: result, queries };
}

const check = (callId: string, uhrzeit = "14 Uhr"): Sent => ({
  name: "check_availability",
  callId,
  args: { datum: "Montag", uhrzeit, dienstleistung: "Damenhaarschnitt" },
});
const book = (callId: string, uhrzeit: string, from: string): Sent => ({
  name: "book_appointment",
  callId,
  args: { datum: "Montag", uhrzeit, name: `Budget ${callId}`, dienstleistung: "Damenhaarschnitt" },
  from,
});

describe("query budget of the phone path (demo company)", () => {
  it("check_availability: cold, the number, functions and company data are read once; warm, one read", async () => {
    const cold = await measure(check("budget_c1"));
    expect(cold.answers[0]).toMatchObject({ success: true, available: true, time: "14:00" });
    // phone number (+ its company), configured functions, company data, busy times; then the batched
    // replay record and audit row.
    expect(cold.queries.operations).toEqual([
      "PhoneNumber.findUnique",
      "RetellCustomFunction.findMany",
      "$queryRaw", // company data (calendar/company-data.ts)
      "$queryRaw", // appointments and absences of the day
      "$executeRaw", // written behind: the replay record
      "$executeRaw", // written behind: the audit row
    ]);

    const warm = await measure(check("budget_c2"));
    expect(warm.answers[0]).toMatchObject({ success: true, available: true, time: "14:00" });
    // Only the appointments and absences of the day; the rows written behind are one insert each.
    expect(warm.queries.operations).toEqual(["$queryRaw", "$executeRaw", "$executeRaw"]);
    expect(warm.queries.statements).toHaveLength(3);
    expect(warm.queries.statements[0]).toMatch(/FROM appointments a .* UNION ALL .* FROM staff_absences/);
    expect(warm.queries.statements[1]).toMatch(/^INSERT INTO function_calls /);
    expect(warm.queries.statements[2]).toMatch(/^INSERT INTO audit_logs /);
    expect(warm.queries.transactions).toBe(0);
  });

  it("check_availability from five callers at once: one read each, the rows written behind in one insert per table", async () => {
    const { answers, queries } = await measure(...["p1", "p2", "p3", "p4", "p5"].map((id) => check(`budget_${id}`, "16 Uhr")));
    expect(answers.every((a) => a.available === true)).toBe(true);
    expect(queries.operations.filter((o) => o === "$queryRaw")).toHaveLength(5);
    expect(queries.operations.filter((o) => o !== "$queryRaw")).toEqual(["$executeRaw", "$executeRaw"]);
    expect(queries.statements).toHaveLength(7);
  });

  it("book_appointment: the claim, one transaction with the re-check, the call row, the answer kept, all in plain SQL", async () => {
    await measure(check("budget_warmup")); // company data cached, as during a call
    const cold = await measure(book("budget_b0", "15 Uhr", "+4916000000000"));
    expect(cold.answers[0]).toMatchObject({ success: true, termin: { uhrzeit: "15:00" } });
    // The first booking of the company reads its messaging context (zone, reminders, addresses, texts) once.
    expect(cold.queries.statements.filter((q) => /FROM message_templates/.test(q))).toHaveLength(1);

    const { answers, queries } = await measure(book("budget_b1", "10 Uhr", "+4916011111111"));
    expect(answers[0]).toMatchObject({ success: true, already_booked: false, termin: { uhrzeit: "10:00" } });
    expect(queries.operations).toEqual([
      "$queryRaw", // claim the invocation (function_invocations)
      "$executeRaw", // transaction: lock_timeout and the booking lock of the branch's day
      "$queryRaw", // transaction: appointments and absences of the day, checked again under the lock
      "$queryRaw", // transaction: the customer, created or updated, and the appointment for them
      "$executeRaw", // transaction: the confirmation's job into the outbox with its Message (text from the cached messaging context)
      "$queryRaw", // the call row, linked to the appointment
      "$executeRaw", // the invocation's answer kept for Retell's retries
      "$executeRaw", // written behind: the replay record
      "$executeRaw", // written behind: the audit row
    ]);
    expect(queries.statements).toHaveLength(9);
    expect(queries.statements[3]).toMatch(/^WITH c AS \( INSERT INTO customers .*INSERT INTO appointments /);
    expect(queries.statements[4]).toMatch(/^WITH written AS \( INSERT INTO outbox_jobs .*INSERT INTO messages /);
    expect(queries.transactions).toBe(1);

    // The booking is really there, with the customer and the call linked.
    const appointment = await db.prisma.appointment.findFirstOrThrow({ where: { retellCallId: "budget_b1" }, include: { customer: true, staff: true } });
    expect(appointment.customer).toMatchObject({ name: "Budget budget_b1", phone: "+4916011111111" });
    expect(await db.prisma.call.findFirst({ where: { retellCallId: "budget_b1" } })).toMatchObject({ appointmentId: appointment.id, outcome: "booked" });
  });

  it("a retried booking answers from the kept answer without touching the calendar", async () => {
    const first = await measure(book("budget_b2", "11 Uhr", "+4916022222222"));
    const again = await measure(book("budget_b2", "11 Uhr", "+4916022222222"));
    expect(again.answers[0]).toEqual(first.answers[0]);
    expect(again.queries.operations).toEqual(["$queryRaw", "FunctionInvocation.findUnique", "$executeRaw", "$executeRaw"]);
  });
});
