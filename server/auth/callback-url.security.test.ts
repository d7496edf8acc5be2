import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_LOGIN, safeCallbackPath } from "./callback-url";

const ORIGIN = "https://askpro.example";

/** True when a browser on ORIGIN following `Location: <path>` stays on ORIGIN. */
function staysOnSite(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return false;
  return new URL(path, ORIGIN).origin === ORIGIN;
}

describe("post-login redirect stays on this site", () => {
  it.each([
    "/.//evil.example/phish",
    "/%2e//evil.example/phish",
    "/a/..//evil.example/phish",
    "/a/b/../..//evil.example",
    "/./\\evil.example",
  ])("refuses %j, which normalises to another host", (value) => {
    const decoded = decodeURIComponent(value);
    expect(safeCallbackPath(decoded)).toBe(DEFAULT_AFTER_LOGIN);
    expect(safeCallbackPath(value)).toBe(DEFAULT_AFTER_LOGIN);
  });

  it("always gives a same-origin path, whatever the input", () => {
    const pathish = fc
      .array(fc.constantFrom("/", ".", "..", "%2e", "%2f", "\\", "evil.example", "a", "?", "#", "@", ":", "\t", " "), {
        maxLength: 12,
      })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(pathish, fc.string(), fc.webUrl()), (value) => {
        const result = safeCallbackPath(value);
        expect(staysOnSite(result)).toBe(true);
        // The same holds once the browser resolves it a second time (redirect chains).
        expect(staysOnSite(new URL(result, ORIGIN).pathname)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
