import { describe, expect, it } from "vitest";
import { formatPhoneForDisplay } from "./phone-display";

describe("formatPhoneForDisplay", () => {
  it("shows German numbers in national form", () => {
    expect(formatPhoneForDisplay("+491711234567")).toBe("0171 1234567");
    expect(formatPhoneForDisplay("+493012345678")).toBe("030 12345678");
  });

  it("shows foreign numbers with their country code", () => {
    expect(formatPhoneForDisplay("+436601234567")).toBe("+43 660 1234567");
  });

  it("keeps what it cannot read, and nothing stays nothing", () => {
    expect(formatPhoneForDisplay("anonymous")).toBe("anonymous");
    expect(formatPhoneForDisplay(null)).toBeNull();
  });
});
