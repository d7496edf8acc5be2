/**
 * Spoken arguments are short: through the real Retell door (signed request), an over-long
 * value is refused in German before any parser sees it, and the worst input once known to
 * freeze the process (a long run of dots in `datum`) is answered in well under a second.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCodes } from "@/server/core/errors";
import { handleCustomFunction } from "@/server/doors/retell/custom-function-door";
import { demoCall, FIXED_NOW, seededTestDb, signedRequest } from "@/server/testing/retell";
import { MAX_SPOKEN_CHARS } from "./spoken-input";

const URL_BASE = "http://localhost/api/mcp/retell/custom-function";
let db: Awaited<ReturnType<typeof seededTestDb>>;

beforeAll(async () => {
  db = await seededTestDb();
});
afterAll(() => db.close());

async function timedCall(callId: string, name: string, args: Record<string, unknown>) {
  const started = performance.now();
  const res = await handleCustomFunction(signedRequest(URL_BASE, { name, call: demoCall(callId), args }), null, {
    db: db.prisma,
    now: () => FIXED_NOW,
  });
  const body = (await res.json()) as { success: boolean; message: string; error_code?: number };
  return { status: res.status, body, ms: performance.now() - started };
}

describe("spoken arguments through the custom-function door", () => {
  it("80,000 dots in datum: a German refusal in well under a second", async () => {
    const r = await timedCall("call_dots", "check_availability", { datum: `9${".".repeat(80_000)}x`, dienstleistung: "Bartpflege" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ success: false, error_code: ErrorCodes.INVALID_INPUT, message: "Diese Angabe ist zu lang. Bitte nennen Sie sie kürzer." });
    expect(r.ms).toBeLessThan(1000);
  });

  it("every field is capped, not only dates: a long time, name or question is refused the same way", async () => {
    const long = "halb ".repeat(MAX_SPOKEN_CHARS);
    for (const [fn, args] of [
      ["check_availability", { datum: "morgen", uhrzeit: long, dienstleistung: "Bartpflege" }],
      ["book_appointment", { datum: "Freitag", uhrzeit: "14 Uhr", name: long, dienstleistung: "Bartpflege" }],
      ["answer_question", { frage: long }],
    ] as const) {
      const r = await timedCall(`call_long_${fn}`, fn, args);
      expect(r.body, fn).toMatchObject({ success: false, error_code: ErrorCodes.INVALID_INPUT });
      expect(r.ms, fn).toBeLessThan(1000);
    }
  });

  it("a value just inside the cap is still read", async () => {
    const padded = `${"bitte ".repeat(Math.floor((MAX_SPOKEN_CHARS - 10) / 6))}morgen`;
    expect(padded.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
    const r = await timedCall("call_padded", "check_availability", { datum: padded, uhrzeit: "12 Uhr", dienstleistung: "Bartpflege" });
    expect(r.body).toMatchObject({ success: true, datum: "12.03.2026" });
  });
});
