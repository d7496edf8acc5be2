/** A deactivated, demoted or logged-out-everywhere user loses access on the next request, without waiting for the token to expire. */
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { seedDemo } from "@/server/seed/demo";
import { DEMO_USERS } from "@/server/seed/logins";
import { LoginThrottle } from "./login-throttle";
import { authOptions } from "./options";
import { verifyCredentials, LoginError } from "./credentials";
import { endSessionsOf, recheckSession } from "./session-check";

let testDb: TestDb;
const T0 = Date.parse("2026-03-10T08:00:00Z");

beforeAll(async () => {
  testDb = await createTestDb();
  await seedDemo(testDb.prisma, { now: new Date(T0) });
});
afterAll(async () => {
  await testDb?.close();
});

/** The token next-auth's jwt callback makes at login, with its check time set to T0. */
async function loggedIn(who: "admin" | "staff"): Promise<JWT> {
  const user = await verifyCredentials({ db: testDb.prisma, throttle: new LoginThrottle(), now: () => new Date(T0) }, { email: DEMO_USERS[who].email, password: DEMO_USERS[who].password });
  const token = (await authOptions.callbacks!.jwt!({ token: {}, user, account: null } as never)) as JWT;
  return { ...token, checkedAt: T0 };
}

/** The check a request `afterMs` after the login runs; 1 ms: the very next request. */
const recheck = (token: JWT, afterMs = 1) => recheckSession(token, { db: testDb.prisma, nowMs: T0 + afterMs });

beforeEach(async () => {
  await testDb.prisma.user.updateMany({ data: { isActive: true, role: undefined } });
});

describe("session re-check", () => {
  it("keeps a valid session on every request and records when it was checked", async () => {
    const token = await loggedIn("staff");
    const first = await recheck(token, 1);
    expect(first.user?.email).toBe(DEMO_USERS.staff.email);
    expect(first.checkedAt).toBe(T0 + 1);
    const later = await recheck(first, 12 * 60 * 60 * 1000 - 1);
    expect(later.user?.email).toBe(DEMO_USERS.staff.email);
  });

  it("logs out a deactivated user on the very next request, not a minute later", async () => {
    const token = await loggedIn("staff");
    await testDb.prisma.user.update({ where: { email: DEMO_USERS.staff.email }, data: { isActive: false } });
    // The token was checked 1 ms before: no grace period remains.
    expect((await recheck(token, 1)).user).toBeUndefined();
    // Nor can the user log in again.
    await expect(
      verifyCredentials({ db: testDb.prisma, throttle: new LoginThrottle(), now: () => new Date(T0) }, { email: DEMO_USERS.staff.email, password: DEMO_USERS.staff.password }),
    ).rejects.toBeInstanceOf(LoginError);
  });

  it("gives a demoted admin the staff role on the next request", async () => {
    const token = await loggedIn("admin");
    expect(token.user?.role).toBe("admin");
    await testDb.prisma.user.update({ where: { email: DEMO_USERS.admin.email }, data: { role: "staff" } });
    expect((await recheck(token, 1)).user?.role).toBe("staff");
    await testDb.prisma.user.update({ where: { email: DEMO_USERS.admin.email }, data: { role: "admin" } });
  });

  it("ends every open session on its next request when the session version is raised", async () => {
    const token = await loggedIn("admin");
    const other = await loggedIn("admin");
    const admin = await testDb.prisma.user.findUniqueOrThrow({ where: { email: DEMO_USERS.admin.email } });
    await endSessionsOf(testDb.prisma, admin.id);
    expect((await recheck(token, 1)).user).toBeUndefined();
    expect((await recheck(other, 2)).user).toBeUndefined();
    // A login after the change has the new version and stays.
    expect((await recheck(await loggedIn("admin"), 1)).user?.email).toBe(DEMO_USERS.admin.email);
  });

  it("logs out a session whose user was deleted or moved to another company", async () => {
    const token = await loggedIn("staff");
    expect((await recheck({ ...token, user: { ...token.user!, companyId: "another-company" } }, 1)).user).toBeUndefined();
    expect((await recheck({ ...token, user: { ...token.user!, id: "no-such-user" } }, 1)).user).toBeUndefined();
  });
});
