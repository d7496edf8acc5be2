/** A company's Cal.com base URL cannot stall the process: trailing slashes are trimmed in linear time. */
import { describe, expect, it } from "vitest";
import { CalcomClient } from "./client";

describe("Cal.com client base URL", () => {
  it("a long run of slashes followed by more text is handled in well under a second", () => {
    const started = performance.now();
    new CalcomClient({ baseUrl: `https://cal.example/${"/".repeat(200_000)}v2`, apiKey: "cal_key" });
    new CalcomClient({ baseUrl: `https://cal.example/v2${"/".repeat(200_000)}`, apiKey: "cal_key" });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
