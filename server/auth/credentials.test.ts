import bcrypt from "bcryptjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { seedDemo } from "@/server/seed/demo";
import { DEMO_USERS } from "@/server/seed/logins";
import { INVALID_CREDENTIALS_MESSAGE, LoginError, verifyCredentials } from "./credentials";
import { LoginThrottle } from "./login-throttle";

const NOW = new Date("2026-03-10T08:00:00Z");
const { admin, staff } = DEMO_USERS;

let testDb: TestDb;
let db: PrismaClient;
let companyId: string;
let throttle: LoginThrottle;

const login = (email: string, password: string, ip: string | null = "203.0.113.7") =>
  verifyCredentials({ db, throttle, now: () => NOW }, { email, password, ip });

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as LoginError);

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.prisma;
  companyId = await seedDemo(db, { now: NOW });
});

afterAll(async () => {
  await testDb?.close();
});

beforeEach(() => {
  throttle = new LoginThrottle();
});

describe("verifyCredentials", () => {
  it("returns the session user with company and records the login time", async () => {
    const user = await login(admin.email, admin.password);
    expect(user).toEqual({
      id: expect.any(String),
      name: admin.name,
      email: admin.email,
      role: "admin",
      companyId,
      companyName: "Salon Schönschnitt",
      companySlug: "demo",
      sessionVersion: 1,
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lastLoginAt).toEqual(NOW);
  });

  it("treats the e-mail address case-insensitively and ignores surrounding spaces", async () => {
    const user = await login(`  ${staff.email.toUpperCase()} `, staff.password);
    expect(user.role).toBe("staff");
    expect(user.email).toBe(staff.email);
  });

  it("answers a wrong password and an unknown e-mail with the same German message", async () => {
    const wrongPassword = await refusal(login(admin.email, "falsch"));
    const unknownEmail = await refusal(login("niemand@salon-demo.de", admin.password));
    const empty = await refusal(login("", ""));
    for (const err of [wrongPassword, unknownEmail, empty]) {
      expect(err).toBeInstanceOf(LoginError);
      expect(err).toMatchObject({ reason: "invalid", message: INVALID_CREDENTIALS_MESSAGE });
    }
    expect(INVALID_CREDENTIALS_MESSAGE).toBe("E-Mail oder Passwort ist falsch.");
  });

  it("runs bcrypt against a hash of the same cost for unknown e-mails as for wrong passwords", async () => {
    // Timing itself is too noisy on a shared machine; the work done is what makes the times alike.
    const compare = vi.spyOn(bcrypt, "compare");
    try {
      await refusal(login(admin.email, "falsch", null));
      await refusal(login("unbekannt@example.org", "falsch", null));
      expect(compare).toHaveBeenCalledTimes(2);
      const [[, knownHash], [, unknownHash]] = compare.mock.calls as unknown as [string, string][];
      expect(unknownHash).not.toBe(knownHash);
      expect(bcrypt.getRounds(unknownHash)).toBe(bcrypt.getRounds(knownHash));
    } finally {
      compare.mockRestore();
    }
  });

  it("refuses further attempts after five failures for one e-mail, even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      expect(await refusal(login(admin.email, `falsch-${i}`))).toMatchObject({ reason: "invalid" });
    }
    const blocked = await refusal(login(admin.email, admin.password));
    expect(blocked).toMatchObject({
      reason: "throttled",
      message: "Zu viele Anmeldeversuche. Bitte warten Sie 15 Minuten.",
    });
    expect(blocked?.retryAfterSeconds).toBeGreaterThan(14 * 60);

    // Another account is not affected by this e-mail's counter.
    await expect(login(staff.email, staff.password)).resolves.toMatchObject({ role: "staff" });
  });

  it("counts the same e-mail in any spelling against one limit", async () => {
    for (const spelling of [admin.email, admin.email.toUpperCase(), ` ${admin.email}`, "Admin@Salon-Demo.de", admin.email]) {
      await refusal(login(spelling, "falsch"));
    }
    expect(await refusal(login(admin.email, admin.password))).toMatchObject({ reason: "throttled" });
  });

  it("limits failures per IP across different e-mail addresses", async () => {
    throttle = new LoginThrottle({ maxFailuresPerIp: 3 });
    for (const email of ["a@example.org", "b@example.org", "c@example.org"]) {
      await refusal(login(email, "falsch", "198.51.100.9"));
    }
    expect(await refusal(login(staff.email, staff.password, "198.51.100.9"))).toMatchObject({ reason: "throttled" });
    await expect(login(staff.email, staff.password, "198.51.100.10")).resolves.toMatchObject({ role: "staff" });
  });

  it("clears the e-mail's failures after a successful login", async () => {
    for (let i = 0; i < 4; i++) await refusal(login(admin.email, "falsch"));
    await login(admin.email, admin.password);
    for (let i = 0; i < 4; i++) await refusal(login(admin.email, "falsch"));
    await expect(login(admin.email, admin.password)).resolves.toMatchObject({ role: "admin" });
  });

  it("lets the e-mail try again once the window has passed", async () => {
    // The throttle's clock stands still until moved: on a busy machine three password checks
    // could otherwise outlast the window by themselves.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      throttle = new LoginThrottle({ maxFailuresPerEmail: 2, windowSeconds: 1 });
      await refusal(login(admin.email, "falsch"));
      await refusal(login(admin.email, "falsch"));
      expect(await refusal(login(admin.email, admin.password))).toMatchObject({
        reason: "throttled",
        message: "Zu viele Anmeldeversuche. Bitte warten Sie 1 Minute.",
      });
      vi.setSystemTime(Date.now() + 900);
      expect(await refusal(login(admin.email, admin.password))).toMatchObject({ reason: "throttled" });
      vi.setSystemTime(Date.now() + 200);
      await expect(login(admin.email, admin.password)).resolves.toMatchObject({ role: "admin" });
    } finally {
      vi.useRealTimers();
    }
  });
});
