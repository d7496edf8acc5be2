/**
 * Dates and times through the door Retell calls, as a caller says them: the probes that once
 * went wrong (a relative day read as today, "viertel vor drei" read as 02:45 at night).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushWriteBehind } from "@/server/platform/write-behind";
import { handleCustomFunction } from "./custom-function-door";
import { demoCall, FIXED_NOW, seededTestDb, signedRequest } from "@/server/testing/retell";

// FIXED_NOW: Wednesday 11.03.2026, 10:00 in Berlin; Saturday the salon is open 09–14.
const URL_BASE = "http://localhost/api/mcp/retell/custom-function";
let db: Awaited<ReturnType<typeof seededTestDb>>;

beforeAll(async () => {
  db = await seededTestDb();
});
afterAll(() => db.close());

async function ask(callId: string, args: Record<string, string>) {
  const request = signedRequest(URL_BASE, { name: "check_availability", call: demoCall(callId), args: { dienstleistung: "Herrenhaarschnitt", ...args } });
  const res = await handleCustomFunction(request, null, { db: db.prisma, now: () => FIXED_NOW });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown> & { message: string };
}

describe("custom-function door: dates and times as said", () => {
  it("'heute in einer Woche' is next Wednesday, not today", async () => {
    expect(await ask("d_week", { datum: "heute in einer Woche", uhrzeit: "um elf" })).toMatchObject({ date: "18.03.2026", time: "11:00" });
  });

  it("'nächste Woche Dienstag' and 'Dienstag nächster Woche' are the Tuesday of next week, not a week later", async () => {
    expect(await ask("d_tue_1", { datum: "nächste Woche Dienstag" })).toMatchObject({ date: "17.03.2026" });
    expect(await ask("d_tue_2", { datum: "am Dienstag nächster Woche" })).toMatchObject({ date: "17.03.2026" });
  });

  it("'viertel vor drei' on a Saturday closing at 14:00 is answered as closed with the nearest free times", async () => {
    const body = await ask("d_quarter", { datum: "Samstag", uhrzeit: "viertel vor drei" });
    expect(body).toMatchObject({ available: false, reason: "closed", time: "14:45" });
    expect(body.message).toMatch(/^Am Samstag, 14\.03\.2026 um 14:45 Uhr haben wir leider geschlossen\. Möglich wären /);
  });

  it("keeps each function call with its arguments for replay", async () => {
    await ask("d_kept", { datum: "übermorgen", uhrzeit: "halb drei" });
    await flushWriteBehind(); // kept with the next batch, a moment after the answer
    const kept = await db.prisma.functionCall.findMany({ where: { companyId: db.companyId, retellCallId: "d_kept" } });
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ functionName: "check_availability", arguments: { datum: "übermorgen", uhrzeit: "halb drei", dienstleistung: "Herrenhaarschnitt" } });
    expect(kept[0].answer).toMatchObject({ success: true, date: "13.03.2026", time: "14:30" });
  });
});
