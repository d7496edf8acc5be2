/** The public link page's door: German answers for the form, never an exception. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callMethod } from "@/server/core/dispatch";
import { seedDemo } from "@/server/seed/demo";
import { setLinkMailChannel } from "@/server/services/user/link-mail";
import { PASSWORD_MESSAGES } from "@/server/services/user/password-policy";
import { USER_MESSAGES } from "@/server/services/user/service";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { LINK_REFUSALS, passwordLinkState, setPasswordFromLink } from "./password-link";

const NOW = new Date("2026-03-10T08:00:00Z");
let testDb: TestDb;
let token: string;

beforeAll(async () => {
  testDb = await createTestDb();
  const companyId = await seedDemo(testDb.prisma, { now: NOW });
  const admin = await testDb.prisma.user.findFirstOrThrow({ where: { companyId, role: "admin" } });
  setLinkMailChannel(null);
  const { data } = await callMethod(
    "user.create",
    { name: "Lina Link", email: "lina@salon-demo.de", role: "staff" },
    { companyId, actor: { type: "user", id: admin.id, role: "admin" }, correlationId: "t", db: testDb.prisma, now: () => NOW },
  );
  token = (data as { link: { url: string } }).link.url.split("/").pop()!;
});
afterAll(async () => {
  setLinkMailChannel(undefined);
  await testDb?.close();
});

const deps = { db: () => testDb.prisma, now: () => NOW };
const set = (t: string, password: string) => setPasswordFromLink({ token: t, password }, { db: deps.db(), now: deps.now });

describe("password link door", () => {
  it("tells the page whose link it is, without changing anything", async () => {
    expect(await passwordLinkState(token, { db: deps.db(), now: deps.now })).toEqual({ state: "valid", name: "Lina Link", email: "lina@salon-demo.de" });
    expect(await passwordLinkState("unbekannt", { db: deps.db(), now: deps.now })).toEqual({ state: "invalid" });
    expect(LINK_REFUSALS).toEqual({ invalid: USER_MESSAGES.linkInvalid, expired: USER_MESSAGES.linkExpired });
  });

  it("answers a refused password with the rule's message at the password field", async () => {
    expect(await set(token, "hallo123")).toEqual({ ok: false, message: "Bitte die markierten Felder prüfen.", fields: { password: PASSWORD_MESSAGES.tooShort } });
    expect(await set(token, "lina-hat-ein-passwort")).toEqual({ ok: false, message: "Bitte die markierten Felder prüfen.", fields: { password: PASSWORD_MESSAGES.containsEmail } });
  });

  it("sets the password once and then answers the used link in German", async () => {
    expect(await set(token, "Sonnenuntergang-am-Meer")).toEqual({ ok: true, email: "lina@salon-demo.de" });
    expect(await set(token, "Sonnenuntergang-am-Meer")).toEqual({ ok: false, message: USER_MESSAGES.linkInvalid, fields: {} });
  });
});
