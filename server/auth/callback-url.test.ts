import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_LOGIN, loginUrlFor, safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps paths on this site with query and hash", () => {
    expect(safeCallbackPath("/termine")).toBe("/termine");
    expect(safeCallbackPath("/anrufe?seite=2#liste")).toBe("/anrufe?seite=2#liste");
  });

  it.each([
    null,
    "",
    "https://evil.example/termine",
    "//evil.example/termine",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/\u0000//evil.example",
    " //evil.example",
    "/login?callbackUrl=/termine",
    "/api/auth/signout",
    "/",
  ])("falls back to the overview for %j", (value) => {
    expect(safeCallbackPath(value)).toBe(DEFAULT_AFTER_LOGIN);
  });
});

describe("loginUrlFor", () => {
  it("carries the page to return to", () => {
    expect(loginUrlFor("/termine?tag=heute")).toBe("/login?callbackUrl=%2Ftermine%3Ftag%3Dheute");
    expect(loginUrlFor("/uebersicht")).toBe("/login");
    expect(loginUrlFor("https://evil.example")).toBe("/login");
  });
});
