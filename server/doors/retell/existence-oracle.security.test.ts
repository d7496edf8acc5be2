/**
 * Outsiders get one answer: an unsigned request to a number we do not serve looks exactly like
 * one to a number we do, and another company's appointment id looks exactly like an unknown id.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callMethod } from "@/server/core/dispatch";
import { handleCustomFunction } from "./custom-function-door";
import { demoCall, FIXED_NOW, seededTestDb, signedRequest } from "@/server/testing/retell";
import { handleRetellWebhook } from "./webhook-door";

let db: Awaited<ReturnType<typeof seededTestDb>>;
const deps = () => ({ db: db.prisma, now: () => FIXED_NOW });

beforeAll(async () => {
  db = await seededTestDb();
});
afterAll(() => db.close());

async function answer(res: Response) {
  return { status: res.status, body: await res.text() };
}

describe("Retell doors do not tell which numbers are ours", () => {
  const ours = demoCall("oracle_1").to_number as string;
  const unknown = "+49309999999";
  const event = (to: string) => ({ event: "call_started", call: demoCall("oracle_1", { to_number: to }) });
  const question = (to: string) => ({ name: "answer_question", args: { frage: "Parken?" }, call: demoCall("oracle_2", { to_number: to }) });

  it("webhook: a wrong key answers the same for our number and an unknown one", async () => {
    const forOurs = await answer(await handleRetellWebhook(signedRequest("http://x/api/mcp/retell/webhook", event(ours), { key: "geraten" }), deps()));
    const forUnknown = await answer(await handleRetellWebhook(signedRequest("http://x/api/mcp/retell/webhook", event(unknown), { key: "geraten" }), deps()));
    expect(forOurs.status).toBe(401);
    expect(forUnknown).toEqual(forOurs);
  });

  it("custom function: a wrong key answers the same for our number and an unknown one", async () => {
    const url = "http://x/api/mcp/retell/custom-function";
    const forOurs = await answer(await handleCustomFunction(signedRequest(url, question(ours), { key: "geraten" }), null, deps()));
    const forUnknown = await answer(await handleCustomFunction(signedRequest(url, question(unknown), { key: "geraten" }), null, deps()));
    expect(forOurs.status).toBe(401);
    expect(forUnknown).toEqual(forOurs);
  });
});

describe("appointment ids of other companies", () => {
  it("answer exactly like an unknown id", async () => {
    const appointment = await db.prisma.appointment.findFirstOrThrow({ where: { companyId: db.companyId } });
    const other = await db.prisma.company.create({ data: { slug: "fremd", name: "Fremder Betrieb" } });
    const door = { companyId: other.id, actor: { type: "user" as const, id: "u", role: "admin" as const }, correlationId: "c", db: db.prisma, now: () => FIXED_NOW };
    const refusal = (method: string, params: object) =>
      callMethod(method, params, door).then(
        () => null,
        (e: { code: number; message: string }) => ({ code: e.code, message: e.message }),
      );
    for (const [method, extra] of [
      ["appointments.get", {}],
      ["appointments.cancel", {}],
      ["appointments.change", { new_date: "2026-03-20", new_time: "10:00" }],
    ] as const) {
      const foreign = await refusal(method, { appointment_id: appointment.id, ...extra });
      const missing = await refusal(method, { appointment_id: "cm0000000000000000000000", ...extra });
      expect(foreign, method).toEqual(missing);
      expect(foreign?.code, method).toBe(3005);
    }
  });
});
