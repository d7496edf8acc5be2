/**
 * The login limit holds under a burst of parallel attempts, and a forged X-Forwarded-For
 * neither dodges the per-IP limit nor frames another address unless a proxy is configured.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { seedDemo } from "@/server/seed/demo";
import { DEMO_USERS } from "@/server/seed/logins";
import { clientIp } from "./client-ip";
import { LoginError, verifyCredentials } from "./credentials";
import { LoginThrottle } from "./login-throttle";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
  await seedDemo(testDb.prisma, { now: new Date("2026-03-10T08:00:00Z") });
});
afterAll(async () => {
  await testDb?.close();
});

describe("login throttle", () => {
  it("lets no more than the limit of a parallel burst reach the password check", async () => {
    const throttle = new LoginThrottle({ maxFailuresPerEmail: 5 });
    const attempts = Array.from({ length: 20 }, () =>
      verifyCredentials({ db: testDb.prisma, throttle, now: () => new Date() }, { email: DEMO_USERS.admin.email, password: "falsch", ip: null }).then(
        () => "accepted",
        (e: LoginError) => e.reason,
      ),
    );
    const reasons = await Promise.all(attempts);
    expect(reasons.filter((r) => r === "invalid")).toHaveLength(5);
    expect(reasons.filter((r) => r === "throttled")).toHaveLength(15);
  });

  it("ignores X-Forwarded-For and X-Real-IP unless a proxy is configured", () => {
    const forged = { "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2" };
    expect(clientIp(forged, false)).toBeNull();
    // Behind a trusted proxy the address it appended (the last one) is the client's, not what the client wrote first.
    expect(clientIp({ "x-forwarded-for": "198.51.100.1, 203.0.113.7" }, true)).toBe("203.0.113.7");
  });
});
