import { describe, expect, it } from "vitest";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { normalizePhone, tryNormalizePhone } from "./phone";

describe("normalizePhone", () => {
  it.each([
    ["0171 1234567", "+491711234567"],
    ["01711234567", "+491711234567"],
    ["+49 (171) 123 45 67", "+491711234567"],
    ["+49 (0) 171 1234567", "+491711234567"],
    ["+49 (0)30 1234567", "+49301234567"],
    ["0049 171 1234567", "+491711234567"],
    ["49 171 1234567", "+491711234567"],
    ["4917112345 67", "+491711234567"],
    ["171 1234567", "+491711234567"],
    ["030 1234567", "+49301234567"],
    ["030-1234567", "+49301234567"],
    ["030/123 45-67", "+49301234567"],
    ["0171.123.4567", "+491711234567"],
    ["(030) 1234567", "+49301234567"],
    ["  0151 12345678 ", "+4915112345678"],
    ["089 123456", "+4989123456"],
    ["0800 1234567", "+498001234567"],
    ["+43 664 1234567", "+436641234567"],
    ["0043 664 1234567", "+436641234567"],
    ["+44 20 7946 0958", "+442079460958"],
  ])("%j → %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it("uses the default country for national numbers", () => {
    expect(normalizePhone("0664 1234567", "AT")).toBe("+436641234567");
    expect(normalizePhone("0664 1234567", "at")).toBe("+436641234567");
    expect(normalizePhone("(212) 555-1234", "US")).toBe("+12125551234");
  });

  it.each([
    ["letters", "0171 abc 1234"],
    ["letters only", "keine Ahnung"],
    ["an extension", "0171 1234567 ext 5"],
    ["too short", "0171 12"],
    ["too short without prefix", "12345"],
    ["too long", "0171 12345678901234"],
    ["empty", ""],
    ["separators only", " - / "],
    ["a plus in the middle", "0171+1234567"],
    ["a plus before the trunk prefix", "+0171 1234567"],
    ["a double plus", "++49 171 1234567"],
  ])("rejects %s (%j) with INVALID_PHONE and a German message", (_label, input) => {
    let error: unknown;
    try {
      normalizePhone(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: ErrorCodes.INVALID_PHONE, message: "Die Telefonnummer ist ungültig." });
  });

  it("treats an unsupported default country as a programming error", () => {
    expect(() => normalizePhone("0171 1234567", "XX")).toThrow(RangeError);
  });
});

describe("tryNormalizePhone", () => {
  it("returns the E.164 form or null", () => {
    expect(tryNormalizePhone("0171 1234567")).toBe("+491711234567");
    expect(tryNormalizePhone("0171 12")).toBeNull();
    expect(tryNormalizePhone("abc")).toBeNull();
  });
});
