/** `npm run user:create` follows the dashboard's password rules and hashes like the login checks. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/auth/credentials";
import { LoginThrottle } from "@/server/auth/login-throttle";
import { seedDemo } from "@/server/seed/demo";
import { PASSWORD_MESSAGES } from "@/server/services/user/password-policy";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { userCreate, USER_CREATE_USAGE } from "./user-create";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
  await seedDemo(testDb.prisma, { now: new Date("2026-03-10T08:00:00Z") });
});
afterAll(async () => {
  await testDb?.close();
});

async function run(argv: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await userCreate({ db: testDb.prisma, pglite: null, cwd: process.cwd(), out: (l) => lines.push(l) }, argv);
  return { code, text: lines.join("\n") };
}
const base = ["--company", "demo", "--name", "Nina Neu", "--role", "staff"];

describe("user:create", () => {
  it.each([
    ["short", "Kurz-1", PASSWORD_MESSAGES.tooShort],
    ["common", "Passwort123", PASSWORD_MESSAGES.common],
    ["the e-mail's name", "nina.neu-im-salon", PASSWORD_MESSAGES.containsEmail],
  ])("refuses a %s password with the rule's German message and the usage, creating nothing", async (_, password, message) => {
    const r = await run([...base, "--email", "nina.neu@salon-demo.de", "--password", password]);
    expect(r.code).toBe(2);
    expect(r.text).toContain(`--password: ${message}`);
    expect(r.text).toContain(USER_CREATE_USAGE);
    expect(await testDb.prisma.user.count({ where: { email: "nina.neu@salon-demo.de" } })).toBe(0);
  });

  it("creates a user with a good password who can log in, and generates one that follows the rules without --password", async () => {
    expect((await run([...base, "--email", "nina.neu@salon-demo.de", "--password", "Kamm-und-Schere-2026"])).code).toBe(0);
    const login = (email: string, password: string) => verifyCredentials({ db: testDb.prisma, throttle: new LoginThrottle(), now: () => new Date() }, { email, password });
    await expect(login("nina.neu@salon-demo.de", "Kamm-und-Schere-2026")).resolves.toMatchObject({ role: "staff", name: "Nina Neu" });

    const generated = await run([...base, "--email", "otto@salon-demo.de"]);
    expect(generated.code).toBe(0);
    const password = /Password \(shown once\): (\S+)/.exec(generated.text)?.[1];
    expect(password).toBeTruthy();
    await expect(login("otto@salon-demo.de", password!)).resolves.toMatchObject({ email: "otto@salon-demo.de" });
  });
});
