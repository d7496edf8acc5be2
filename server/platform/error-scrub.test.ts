/** Personal data never leaves in an error report: phone spellings, e-mails, names, transcripts, request contents, the user. */
import { describe, expect, it } from "vitest";
import { EMAIL_PLACEHOLDER, PHONE_PLACEHOLDER, REDACTED, scrubData, scrubSentryEvent, scrubText } from "./error-scrub";

describe("scrubText", () => {
  it.each([
    ["0171 1234567"],
    ["+49 30 123456"],
    ["(030) 12 34 56"],
    ["+4917112345678"],
    ["0049 171 1234567"],
    ["030/1234567"],
    ["0221-987654"],
    ["+49 (0)30 1234 5678"],
  ])("removes the phone number %s", (phone) => {
    const out = scrubText(`Rückruf an ${phone} fehlgeschlagen`);
    expect(out).toBe(`Rückruf an ${PHONE_PLACEHOLDER} fehlgeschlagen`);
    expect(out.replace(/\D/g, "")).toBe("");
  });

  it("removes e-mail addresses", () => {
    expect(scrubText("Mail an erika.muster+termin@beispiel.de ging nicht raus")).toBe(`Mail an ${EMAIL_PLACEHOLDER} ging nicht raus`);
  });

  it("keeps dates, times, ids, error codes and stack positions", () => {
    const text = "P2002 on 2026-11-29T10:00:00Z, 01-12-2026 at 10:30, id cm3x0a1b2c3d4e5f6g7h8i9j, uuid 01234567-89ab-cdef-0123-456789abcdef, at run (/app/server/x.ts:120:15), port 0, retry 3";
    expect(scrubText(text)).toBe(text);
  });

  it("cuts given names out of free text", () => {
    expect(scrubText("Kunde Erika Muster nicht gefunden", ["Erika Muster", "Erika", "Muster"])).toBe(`Kunde ${REDACTED} nicht gefunden`);
  });
});

describe("scrubData", () => {
  it("redacts personal fields, transcripts included, and scrubs every other string", () => {
    const out = scrubData({
      customer: { name: "Erika Muster", phone: "+491711234567", email: "erika@beispiel.de", id: "cus_1" },
      call: { transcript: "Agent: Hallo\nUser: Ich bin Erika, 0171 1234567", transcript_object: [{ role: "user", content: "x" }], call_id: "call_9" },
      note: "Bitte Erika Muster unter (030) 12 34 56 zurückrufen",
      detail: "Erika Muster hat 0171 1234567 genannt",
    });
    expect(out).toEqual({
      customer: { name: REDACTED, phone: REDACTED, email: REDACTED, id: "cus_1" },
      call: { transcript: REDACTED, transcript_object: REDACTED, call_id: "call_9" },
      note: REDACTED,
      detail: `${REDACTED} hat ${PHONE_PLACEHOLDER} genannt`,
    });
  });
});

describe("scrubSentryEvent", () => {
  it("drops the user, request contents and frame variables and scrubs exception values, breadcrumbs, extra and contexts", () => {
    const event = {
      user: { id: "u1", email: "chef@salon.de", ip_address: "203.0.113.7" },
      request: {
        method: "POST",
        url: "https://app.example/api/mcp?phone=%2B491711234567&token=abc",
        query_string: "phone=%2B491711234567",
        data: '{"customer_name":"Erika Muster"}',
        headers: { authorization: "Bearer secret", cookie: "session=1" },
        cookies: { session: "1" },
        env: { REMOTE_ADDR: "203.0.113.7" },
      },
      exception: {
        values: [
          {
            type: "Error",
            value: "Kein Termin für +49 30 123456 (Erika Muster)",
            stacktrace: { frames: [{ function: "book", vars: { phone: "+4930123456" }, context_line: 'lookup("0171 1234567")', pre_context: ["// Erika"], post_context: [] }] },
          },
        ],
      },
      breadcrumbs: [{ message: "SMS an 0171 1234567", data: { url: "https://api.twilio.com/x?To=%2B49171", to: "+491711234567" } }],
      extra: { args: { customer_name: "Erika Muster", date: "2026-12-01" } },
      contexts: { runtime: { name: "node", version: "v22" }, call: { caller_name: "Erika Muster", transcript: "..." } },
      tags: { door: "retell" },
    };
    const out = scrubSentryEvent(event);
    const text = JSON.stringify(out);
    for (const secret of ["Erika", "Muster", "1234567", "123456", "chef@salon.de", "203.0.113.7", "secret", "session", "phone=", "token="]) {
      expect(text).not.toContain(secret);
    }
    expect(out.user).toBeUndefined();
    expect(out.request).toEqual({ method: "POST", url: "https://app.example/api/mcp" });
    expect(out.exception.values[0]!.value).toBe(`Kein Termin für ${PHONE_PLACEHOLDER} (${REDACTED})`);
    expect(out.exception.values[0]!.stacktrace!.frames).toEqual([{ function: "book", context_line: `lookup("${PHONE_PLACEHOLDER}")`, pre_context: [`// ${REDACTED}`], post_context: [] }]);
    expect(out.breadcrumbs[0]).toEqual({ message: `SMS an ${PHONE_PLACEHOLDER}`, data: { url: "https://api.twilio.com/x", to: REDACTED } });
    expect(out.extra.args).toEqual({ customer_name: REDACTED, date: "2026-12-01" });
    expect(out.contexts.runtime).toEqual({ name: "node", version: "v22" });
    expect(out.tags).toEqual({ door: "retell" });
  });
});
