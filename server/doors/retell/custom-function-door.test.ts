import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "@/server/platform/crypto";
import { handleCustomFunction } from "./custom-function-door";
import { demoCall, FIXED_NOW, seededTestDb, signedRequest } from "@/server/testing/retell";

const URL_BASE = "http://localhost/api/mcp/retell/custom-function";
let db: Awaited<ReturnType<typeof seededTestDb>>;
const deps = () => ({ db: db.prisma, now: () => FIXED_NOW });

beforeAll(async () => {
  db = await seededTestDb();
});
afterAll(() => db.close());

const parkingQuestion = (callId: string) => ({ name: "answer_question", call: demoCall(callId), args: { frage: "Wo kann ich parken?" } });

/** Every execution passes callMethod, which leaves an audit row naming the call as actor. */
async function executedFor(callId: string) {
  return {
    executions: await db.prisma.auditLog.count({ where: { method: "retell.function.execute", actorType: "retell", actorId: callId } }),
    calls: await db.prisma.call.count({ where: { retellCallId: callId } }),
  };
}

describe("custom-function door: signature", () => {
  it("accepts Retell's request signed with the company's key and answers in German", async () => {
    const res = await handleCustomFunction(signedRequest(URL_BASE, parkingQuestion("call_ok")), null, deps());
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ success: true });
    expect(body.message).toContain("Parkplätze");
    expect((await executedFor("call_ok")).executions).toBe(1);
  });

  const rejected: Array<[string, () => Request]> = [
    ["a wrong key", () => signedRequest(URL_BASE, parkingQuestion("call_bad_key"), { key: "another-key" })],
    [
      "a tampered body",
      () => {
        const signed = signedRequest(URL_BASE, parkingQuestion("call_tampered"));
        const tampered = JSON.stringify({ ...parkingQuestion("call_tampered"), args: { frage: "Was kostet Färben?" } });
        return new Request(URL_BASE, { method: "POST", headers: signed.headers, body: tampered });
      },
    ],
    ["a stale timestamp", () => signedRequest(URL_BASE, parkingQuestion("call_stale"), { timestampMs: FIXED_NOW.getTime() - 6 * 60_000 })],
    ["a future timestamp", () => signedRequest(URL_BASE, parkingQuestion("call_future"), { timestampMs: FIXED_NOW.getTime() + 6 * 60_000 })],
    ["a malformed header", () => signedRequest(URL_BASE, parkingQuestion("call_malformed"), { signature: "sha256=abc" })],
    ["no header", () => signedRequest(URL_BASE, parkingQuestion("call_unsigned"), { signature: null })],
  ];
  for (const [what, request] of rejected) {
    it(`refuses ${what} with 401 and runs nothing`, async () => {
      const req = request();
      const callId = (JSON.parse(await req.clone().text()) as { call: { call_id: string } }).call.call_id;
      const res = await handleCustomFunction(req, null, deps());
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: "Ungültige Signatur." });
      expect(await executedFor(callId)).toEqual({ executions: 0, calls: 0 });
    });
  }

  it("refuses a call to a number that is not ours like a bad signature (401)", async () => {
    const body = { ...parkingQuestion("call_unknown"), call: demoCall("call_unknown", { to_number: "+49309999999" }) };
    const res = await handleCustomFunction(signedRequest(URL_BASE, body), null, deps());
    expect(res.status).toBe(401);
    expect(await executedFor("call_unknown")).toEqual({ executions: 0, calls: 0 });
  });

  it("refuses a company without a stored Retell key", async () => {
    const other = await db.prisma.company.create({
      data: { slug: "ohne-key", name: "Ohne Key", phoneNumbers: { create: { number: "+49301112223" } }, branches: { create: { name: "Haupt" } } },
    });
    const body = { ...parkingQuestion("call_nokey"), call: demoCall("call_nokey", { to_number: "+49301112223" }) };
    const res = await handleCustomFunction(signedRequest(URL_BASE, body), null, deps());
    expect(res.status).toBe(401);
    expect(other.retellApiKeyEnc).toBeNull();
  });

  it("refuses a body that is not JSON or not a known shape with 400", async () => {
    expect((await handleCustomFunction(signedRequest(URL_BASE, "{nope"), null, deps())).status).toBe(400);
    expect((await handleCustomFunction(signedRequest(URL_BASE, { hello: 1 }), null, deps())).status).toBe(400);
  });
});

describe("custom-function door: request shapes", () => {
  it("accepts the spec's { function, parameters, context }", async () => {
    const body = { function: "answer_question", parameters: { frage: "Kann ich mit Karte zahlen?" }, context: demoCall("call_spec") };
    const res = await handleCustomFunction(signedRequest(URL_BASE, body), null, deps());
    expect(res.status).toBe(200);
    expect((await res.json()).message).toContain("EC-Karte");
  });

  it("accepts args_at_root with the company and call id in the URL", async () => {
    const url = `${URL_BASE}/answer_question?company=demo&call_id=call_root&from_number=%2B4917612345678`;
    const res = await handleCustomFunction(signedRequest(url, { frage: "Gibt es Gutscheine?" }), "answer_question", deps());
    expect(res.status).toBe(200);
    expect((await res.json()).message).toContain("Gutscheine");
    expect((await executedFor("call_root")).executions).toBe(1);
  });

  it("args_at_root: refuses an unknown company, a foreign number and a missing call id", async () => {
    const root = (query: string) => signedRequest(`${URL_BASE}/answer_question?${query}`, { frage: "Parken?" });
    expect((await handleCustomFunction(root("company=nope&call_id=c1"), "answer_question", deps())).status).toBe(401);
    expect((await handleCustomFunction(root("company=demo&call_id=c2&to_number=%2B49301112223"), "answer_question", deps())).status).toBe(401);
    expect((await handleCustomFunction(root("company=demo"), "answer_question", deps())).status).toBe(400);
  });

  it("a company's key signs only for its own numbers", async () => {
    await db.prisma.company.create({
      data: { slug: "zweite", name: "Zweite", retellApiKeyEnc: encryptSecret("zweiter-key"), branches: { create: { name: "Z" } } },
    });
    const body = parkingQuestion("call_cross");
    const res = await handleCustomFunction(signedRequest(URL_BASE, body, { key: "zweiter-key" }), null, deps());
    expect(res.status).toBe(401);
  });

  it("answers an unknown function with a sentence, not an error status", async () => {
    const body = { name: "order_pizza", call: demoCall("call_pizza"), args: {} };
    const res = await handleCustomFunction(signedRequest(URL_BASE, body), null, deps());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: false, message: "Diese Funktion ist nicht eingerichtet.", error_code: 3005 });
  });
});

describe("custom-function door over real HTTP", () => {
  it("a booking retried by Retell, even concurrently, is made once and answered alike", async () => {
    const { serveFetchHandler } = await import("@/server/testing/serve");
    const served = await serveFetchHandler((request) => handleCustomFunction(request, null, deps()));
    try {
      const body = {
        name: "book_appointment",
        call: demoCall("call_http_book", { from_number: "+4916099911122" }),
        args: { datum: "Montag", uhrzeit: "12 Uhr", name: "Hanna Http", dienstleistung: "Damenhaarschnitt" },
      };
      const send = () => fetch(`${served.url}/api/mcp/retell/custom-function`, signedRequest(URL_BASE, body));
      const [a, b] = await Promise.all([send(), send()]);
      const c = await send();
      const answers = await Promise.all([a.json(), b.json(), c.json()]);
      expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
      expect(answers[0]).toMatchObject({ success: true, termin: { datum: "16.03.2026", uhrzeit: "12:00" } });
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      expect(await db.prisma.appointment.count({ where: { customer: { phone: "+4916099911122" } } })).toBe(1);
    } finally {
      await served.close();
    }
  });
});
