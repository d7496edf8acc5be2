import { describe, expect, it } from "vitest";
import { callerLabel, callTitle, callWhen } from "./call-title";

describe("a call's title", () => {
  it("names the customer when known, else the readable number, else says it was withheld", () => {
    expect(callTitle("Anna Schmidt", "+491711234567")).toBe("Anruf von Anna Schmidt");
    expect(callTitle(null, "+491711234567")).toBe("Anruf von 0171 1234567");
    expect(callTitle("  ", "+491711234567")).toBe("Anruf von 0171 1234567");
    expect(callTitle(null, null)).toBe("Anruf (Nummer unterdrückt)");
    expect(callTitle(undefined, "anonymous")).toBe("Anruf (Nummer unterdrückt)");
  });

  it("shows the caller's number readable", () => {
    expect(callerLabel("+4917298765432")).toBe("0172 98765432");
    expect(callerLabel(null)).toBe("Nummer unterdrückt");
  });
});

describe("a call's time", () => {
  it("is its start, in Berlin time", () => {
    expect(callWhen("2026-12-03T09:15:00.000Z", "2026-12-03T09:14:00.000Z")).toBe("03.12.2026 10:15");
  });

  it("is when it was received while the start is not reported", () => {
    expect(callWhen(null, "2026-12-03T09:15:00.000Z")).toBe("eingegangen 03.12.2026 10:15");
  });
});
