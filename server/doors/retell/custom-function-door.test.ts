import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from "@/server/core/errors";
import { encryptSecret } from "@/server/platform/crypto";
import { logger } from "@/server/platform/logger";
import { flushWriteBehind } from "@/server/platform/write-behind";
import { WEBHOOK_BODY_LIMIT_BYTES } from "@/server/doors/request-kit";
import { handleCustomFunction } from "./custom-function-door";
import { demoCall, FIXED_NOW, seededTestDb, signedRequest } from "@/server/testing/retell";

const URL_BASE = "http://localhost/api/mcp/retell/custom-function";
let db: Awaited<ReturnType<typeof seededTestDb>>;
const deps = () => ({ db: db.prisma, now: () => FIXED_NOW });

beforeAll(async () => {
  db = await seededTestDb();
});
// The last test breaks the database on purpose.
afterAll(async () => {
  if (!db.pglite.closed) await db.close();
});

const parkingQuestion = (callId: string) => ({ name: "answer_question", call: demoCall(callId), args: { frage: "Wo kann ich parken?" } });

/** Every execution passes callMethod, which leaves an audit row naming the call as actor. */
async function executedFor(callId: string) {
  await flushWriteBehind(); // the phone path's audit rows are written in batches
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
    const notJson = await handleCustomFunction(signedRequest(URL_BASE, "{nope"), null, deps());
    expect([notJson.status, await notJson.json()]).toEqual([400, { error: "Ungültiges JSON." }]);
    const unknownShape = await handleCustomFunction(signedRequest(URL_BASE, { hello: 1 }), null, deps());
    expect([unknownShape.status, await unknownShape.json()]).toEqual([400, { error: "Unbekanntes Anfrageformat: erwartet { name, call, args }." }]);
  });

  it("refuses a body over the size limit with 413 before reading it as JSON", async () => {
    const huge = JSON.stringify({ ...parkingQuestion("call_huge"), args: { frage: "x".repeat(WEBHOOK_BODY_LIMIT_BYTES) } });
    const res = await handleCustomFunction(signedRequest(URL_BASE, huge), null, deps());
    expect([res.status, await res.json()]).toEqual([413, { error: "Anfrage zu groß." }]);
    expect(await executedFor("call_huge")).toEqual({ executions: 0, calls: 0 });
  });

  it("checks the signature's time against the current clock when none is given", async () => {
    const withoutClock = { db: db.prisma };
    const current = await handleCustomFunction(signedRequest(URL_BASE, parkingQuestion("call_clock"), { timestampMs: Date.now() }), null, withoutClock);
    expect(current.status).toBe(200);
    const old = await handleCustomFunction(signedRequest(URL_BASE, parkingQuestion("call_clock_old"), { timestampMs: Date.now() - 6 * 60_000 }), null, withoutClock);
    expect(old.status).toBe(401);
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

  it("args_at_root without a company in the URL is owned by our number", async () => {
    const url = `${URL_BASE}/answer_question?call_id=call_root_number&to_number=%2B49301234567`;
    const res = await handleCustomFunction(signedRequest(url, { frage: "Wo kann ich parken?" }), "answer_question", deps());
    expect(res.status).toBe(200);
    expect((await executedFor("call_root_number")).executions).toBe(1);
  });

  it("args_at_root: refuses an unknown company even for our number", async () => {
    const url = `${URL_BASE}/answer_question?company=nope&call_id=c3&to_number=%2B49301234567`;
    const res = await handleCustomFunction(signedRequest(url, { frage: "Parken?" }), "answer_question", deps());
    expect([res.status, await res.json()]).toEqual([401, { error: "Ungültige Signatur." }]);
  });

  it("args_at_root: accepts the company's own number next to its slug", async () => {
    const url = `${URL_BASE}/answer_question?company=demo&call_id=call_root_ours&to_number=%2B49301234567`;
    const res = await handleCustomFunction(signedRequest(url, { frage: "Wo kann ich parken?" }), "answer_question", deps());
    expect(res.status).toBe(200);
    expect((await res.json()).message).toContain("Parkplätze");
  });

  it("args_at_root: another company's number is refused even when signed with that company's key", async () => {
    await db.prisma.company.create({
      data: {
        slug: "dritte",
        name: "Dritte",
        retellApiKeyEnc: encryptSecret("dritter-key"),
        phoneNumbers: { create: { number: "+49301112299" } },
        branches: { create: { name: "D" } },
      },
    });
    const url = `${URL_BASE}/answer_question?company=demo&call_id=call_root_cross&to_number=%2B49301112299`;
    const res = await handleCustomFunction(signedRequest(url, { frage: "Parken?" }, { key: "dritter-key" }), "answer_question", deps());
    expect(res.status).toBe(401);
    expect(await executedFor("call_root_cross")).toEqual({ executions: 0, calls: 0 });
  });

  it("a company slug in the URL of a plain request changes nothing: the number decides", async () => {
    const res = await handleCustomFunction(signedRequest(`${URL_BASE}?company=nope`, parkingQuestion("call_slug_ignored")), null, deps());
    expect(res.status).toBe(200);
    expect((await executedFor("call_slug_ignored")).executions).toBe(1);
  });

  it("serves another company by its own number and key", async () => {
    const vierte = await db.prisma.company.create({
      data: {
        slug: "vierte",
        name: "Vierte",
        retellApiKeyEnc: encryptSecret("vierter-key"),
        phoneNumbers: { create: { number: "+49301112288" } },
        branches: { create: { name: "V" } },
      },
    });
    const body = { ...parkingQuestion("call_vierte"), call: demoCall("call_vierte", { to_number: "+49301112288" }) };
    const res = await handleCustomFunction(signedRequest(URL_BASE, body, { key: "vierter-key" }), null, deps());
    expect(res.status).toBe(200);
    await flushWriteBehind();
    expect(await db.prisma.auditLog.count({ where: { companyId: vierte.id, actorId: "call_vierte" } })).toBe(1);
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

  it("refuses call details the method does not accept with 400", async () => {
    const body = { ...parkingQuestion("call_long_number"), call: demoCall("call_long_number", { from_number: "+49".padEnd(60, "1") }) };
    const res = await handleCustomFunction(signedRequest(URL_BASE, body), null, deps());
    expect([res.status, await res.json()]).toEqual([400, { error: "Ungültige Parameter." }]);
  });

  it("keeps the caller's correlation id on the audit row", async () => {
    const req = signedRequest(URL_BASE, parkingQuestion("call_correlated"));
    req.headers.set("x-request-id", "retell-req-42");
    expect((await handleCustomFunction(req, null, deps())).status).toBe(200);
    await flushWriteBehind();
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { actorId: "call_correlated" } });
    expect(audit.correlationId).toBe("retell-req-42");
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

describe("custom-function door when the database breaks (runs last: it closes the test database)", () => {
  it("answers a closed database as 3004 with a sentence the agent can say, without details, and logs it", async () => {
    // The request before caches the owner of our number; the database then fails under the call itself.
    expect((await handleCustomFunction(signedRequest(URL_BASE, parkingQuestion("call_before_break")), null, deps())).status).toBe(200);
    await db.pglite.close();
    const logged = vi.spyOn(logger, "error");
    try {
      const res = await handleCustomFunction(signedRequest(URL_BASE, parkingQuestion("call_broken")), null, deps());
      expect([res.status, await res.json()]).toEqual([
        503,
        { success: false, error_code: 3004, message: DATABASE_UNAVAILABLE_MESSAGE, retry_after: DATABASE_RETRY_AFTER_SECONDS },
      ]);
      expect(logged).toHaveBeenCalledWith(expect.objectContaining({ code: 3004, cause: expect.stringMatching(/PGlite is closed/) }), "database unreachable");
    } finally {
      logged.mockRestore();
      await db.prisma.$disconnect().catch(() => undefined);
    }
  });
});
