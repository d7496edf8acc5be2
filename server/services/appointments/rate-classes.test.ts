/**
 * Which limit a call to the appointments server counts against: staff paging through the
 * Kalender, the list and details must not run into the specification's 30 a minute (a busy
 * morning's clicking did), while finding, checking and changing appointments keep it.
 */
import { describe, expect, it } from "vitest";
import { registry } from "@/server/composition";
import { BUILTIN_LIMITS, DEFAULT_LIMIT_PER_MINUTE, limitFor } from "@/server/platform/rate-limit/limits";

function limitOf(name: string): number {
  const found = registry.findMethod(name);
  if (!found) throw new Error(`${name} is not registered`);
  return limitFor(BUILTIN_LIMITS, found.method.rateLimitClass ?? found.server.name);
}

describe("appointments rate limits", () => {
  it("lets the dashboard's browsing reads use the default limit", () => {
    for (const name of ["appointments.calendar", "appointments.list", "appointments.get"]) expect(limitOf(name), name).toBe(DEFAULT_LIMIT_PER_MINUTE);
  });

  it("keeps the specification's 30 a minute on finding, checking and changing", () => {
    for (const name of ["appointments.find", "appointments.checkAvailability", "appointments.book", "appointments.change", "appointments.cancel"]) {
      expect(limitOf(name), name).toBe(30);
    }
  });
});
