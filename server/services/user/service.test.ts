/**
 * Dashboard logins through the dashboard's tRPC door (roles, German errors, field issues) and
 * the public link page's service call, on PGlite: one-time links, the password rules, the last
 * admin, self-protection, e-mail addresses unique install-wide, sessions that end, audit rows.
 */
import type { JWT } from "next-auth/jwt";
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LoginThrottle } from "@/server/auth/login-throttle";
import { verifyCredentials } from "@/server/auth/credentials";
import { recheckSession } from "@/server/auth/session-check";
import { callMethod } from "@/server/core/dispatch";
import { appRouter } from "@/server/doors/trpc/root";
import { startFakeSmtp, type FakeSmtp } from "@/server/integrations/fakes/smtp-server";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { sha256Hex } from "@/server/platform/crypto";
import { env } from "@/server/platform/env";
import { SmtpChannel } from "@/server/platform/outbox/channels/smtp-channel";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { seedDemo } from "@/server/seed/demo";
import { DEMO_USERS, OTHER_DEMO_USERS } from "@/server/seed/logins";
import { seedOtherDemoCompany } from "@/server/seed/other-company";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { callTrpc, sessionFor, sessionsOf, type TrpcTestResponse } from "@/server/testing/trpc";
import { setLinkMailChannel } from "./link-mail";
import { PASSWORD_MESSAGES } from "./password-policy";
import type { UserDto } from "./schemas";
import { inspectPasswordLink, LINK_VALID_MS, setPasswordWithToken, USER_MESSAGES } from "./service";

const NOW = new Date("2026-03-10T08:00:00Z");
let testDb: TestDb;
let demoId: string;
let otherId: string;
let admin: Session;
let staff: Session;
let smtp: FakeSmtp;

type Issued = { user: UserDto; link: { url: string; expires_at: string }; mail: "sent" | "failed" | "not_configured" };

const call = (path: string, session: Session, input?: unknown, mutation = true, now = NOW) =>
  callTrpc(appRouter, path, session, input, { db: testDb.prisma, mutation, now: () => now });
const ok = <T>(res: TrpcTestResponse): T => {
  expect(res.error, JSON.stringify(res.error)).toBeUndefined();
  return res.data as T;
};
const issuesOf = (res: TrpcTestResponse) => ((res.error?.data.issues ?? []) as Array<{ path: string; message: string }>).map((i) => [i.path, i.message]);
const tokenOf = (url: string) => url.split("/").pop()!;
const login = (email: string, password: string) =>
  verifyCredentials({ db: testDb.prisma, throttle: new LoginThrottle(), now: () => NOW }, { email, password }).then(
    () => true,
    () => false,
  );
const linkDeps = (now = NOW) => ({ db: testDb.prisma, now: () => now, correlationId: "link-test" });
const setWithLink = (token: string, password: string, now = NOW) => setPasswordWithToken(linkDeps(now), { token, password });

/** A session token as next-auth's jwt callback keeps it, for the user as they are now. */
async function sessionToken(email: string): Promise<JWT> {
  const u = await testDb.prisma.user.findUniqueOrThrow({ where: { email }, include: { company: true } });
  return {
    user: { id: u.id, name: u.name, email: u.email, role: u.role, companyId: u.companyId, companyName: u.company.name, companySlug: u.company.slug },
    sessionVersion: u.sessionVersion,
  };
}
const stillLoggedIn = async (token: JWT) => Boolean((await recheckSession(token, { db: testDb.prisma, nowMs: NOW.getTime() })).user);

async function createUser(input: { name: string; email: string; role: "admin" | "staff" }, by = admin): Promise<Issued> {
  return ok<Issued>(await call("user.create", by, input));
}
/** Creates a user and sets their password through the link. */
async function userWithPassword(input: { name: string; email: string; role: "admin" | "staff" }, password: string): Promise<UserDto> {
  const created = await createUser(input);
  await setWithLink(tokenOf(created.link.url), password);
  return created.user;
}
const sessionOf = (u: UserDto) => sessionFor({ id: u.id, name: u.name, email: u.email, role: u.role }, demoId);

beforeAll(async () => {
  testDb = await createTestDb();
  demoId = await seedDemo(testDb.prisma, { now: NOW });
  otherId = await seedOtherDemoCompany(testDb.prisma, { now: NOW });
  ({ admin, staff } = await sessionsOf(testDb.prisma, demoId));
  smtp = await startFakeSmtp();
});
afterAll(async () => {
  setLinkMailChannel(undefined);
  await smtp?.close();
  await testDb?.close();
});
beforeEach(() => {
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
  setLinkMailChannel(null); // as an install without SMTP_URL, unless a test sets the fake
});

describe("user.list", () => {
  it("lists the company's logins with role, state and last login, never a hash or another company's user", async () => {
    const { users } = ok<{ users: UserDto[] }>(await call("user.list", admin, {}, false));
    const emails = users.map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining([DEMO_USERS.admin.email, DEMO_USERS.staff.email]));
    expect(emails).not.toContain(OTHER_DEMO_USERS.otherAdmin.email);
    const me = users.find((u) => u.email === DEMO_USERS.admin.email)!;
    expect(me).toMatchObject({ name: DEMO_USERS.admin.name, role: "admin", is_active: true, is_you: true, link_expires_at: null });
    expect(users.find((u) => u.email === DEMO_USERS.staff.email)).toMatchObject({ role: "staff", is_you: false });
    expect(Object.keys(me).sort()).toEqual(["created_at", "email", "id", "is_active", "is_you", "last_login_at", "link_expires_at", "name", "role"]);
    expect(JSON.stringify(users)).not.toMatch(/\$2[aby]\$/);
  });

  it("is for admins only", async () => {
    const res = await call("user.list", staff, {}, false);
    expect(res.status).toBe(403);
    expect(res.error?.message).toBe("Für diese Aktion fehlt Ihnen die Berechtigung.");
    for (const path of ["user.create", "user.update", "user.deactivate", "user.activate", "user.resetPasswordLink"]) {
      expect((await call(path, staff, { id: admin.user.id, name: "X", email: "x@salon-demo.de", role: "staff" })).status, path).toBe(403);
    }
  });

  it("refuses API tokens, even with the configuration grant: a token must not mint logins", async () => {
    const door = (allowedServers: string[]) => ({ companyId: demoId, actor: { type: "token" as const, id: "tok", allowedServers }, correlationId: "t", db: testDb.prisma, now: () => NOW });
    await expect(callMethod("user.create", { name: "Bot", email: "bot@salon-demo.de", role: "admin" }, door(["user"]))).rejects.toMatchObject({ code: 3006 });
    await expect(callMethod("user.create", { name: "Bot", email: "bot@salon-demo.de", role: "admin" }, door(["config:user"]))).rejects.toMatchObject({
      code: 3006,
      message: USER_MESSAGES.dashboardOnly,
    });
    expect(await testDb.prisma.user.count({ where: { email: "bot@salon-demo.de" } })).toBe(0);
  });
});

describe("user.create and the one-time link", () => {
  it("creates a login without a usable password and returns a link under APP_URL, stored only as SHA-256, valid 72 hours", async () => {
    const created = await createUser({ name: "  Lea Link ", email: "Lea.Link@Salon-Demo.de", role: "staff" });
    expect(created.user).toMatchObject({ name: "Lea Link", email: "lea.link@salon-demo.de", role: "staff", is_active: true, last_login_at: null });
    expect(created.mail).toBe("not_configured");
    const prefix = `${env().APP_URL.replace(/\/+$/, "")}/passwort-setzen/`;
    expect(created.link.url.startsWith(prefix)).toBe(true);
    const token = tokenOf(created.link.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes, base64url
    expect(created.link.expires_at).toBe(new Date(NOW.getTime() + 72 * 3600_000).toISOString());
    expect(created.user.link_expires_at).toBe(created.link.expires_at);

    const row = await testDb.prisma.user.findUniqueOrThrow({ where: { id: created.user.id } });
    expect(row.companyId).toBe(demoId);
    expect(row.passwordResetTokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    // No password works before the link is used; not even an empty one or the token.
    expect(await login("lea.link@salon-demo.de", "")).toBe(false);
    expect(await login("lea.link@salon-demo.de", token)).toBe(false);

    const audit = await testDb.prisma.auditLog.findFirstOrThrow({ where: { method: "user.created", companyId: demoId }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ actorType: "user", actorId: admin.user.id, outcome: "success" });
    expect(audit.details).toMatchObject({ user_id: created.user.id, email: "lea.link@salon-demo.de", role: "staff", mail: "not_configured" });
    expect(JSON.stringify(audit.details)).not.toContain(token);
  });

  it("sets the password once through the link; the user can log in, the link cannot be used again", async () => {
    const created = await createUser({ name: "Olaf Once", email: "olaf@salon-demo.de", role: "staff" });
    const token = tokenOf(created.link.url);
    expect(await inspectPasswordLink(linkDeps(), token)).toEqual({ state: "valid", name: "Olaf Once", email: "olaf@salon-demo.de" });

    expect(await setWithLink(token, "Blaue-Schere-Nr-1")).toEqual({ email: "olaf@salon-demo.de" });
    expect(await login("olaf@salon-demo.de", "Blaue-Schere-Nr-1")).toBe(true);
    const row = await testDb.prisma.user.findUniqueOrThrow({ where: { id: created.user.id } });
    expect(row).toMatchObject({ passwordResetTokenHash: null, passwordResetExpiresAt: null, passwordChangedAt: NOW });

    await expect(setWithLink(token, "Ein-anderes-Passwort-2")).rejects.toMatchObject({ code: 4005, message: USER_MESSAGES.linkInvalid });
    expect(await inspectPasswordLink(linkDeps(), token)).toEqual({ state: "invalid" });
    expect(await login("olaf@salon-demo.de", "Blaue-Schere-Nr-1")).toBe(true);
    expect(USER_MESSAGES.linkInvalid).toMatch(/^Dieser Link ist ungültig oder wurde bereits benutzt\./);

    const audit = await testDb.prisma.auditLog.findFirstOrThrow({ where: { method: "user.password_set_with_link", actorId: created.user.id } });
    expect(audit).toMatchObject({ companyId: demoId, actorType: "user", outcome: "success", correlationId: "link-test" });
  });

  it("lets only one of two simultaneous uses of a link win", async () => {
    const token = tokenOf((await createUser({ name: "Rita Race", email: "rita@salon-demo.de", role: "staff" })).link.url);
    const results = await Promise.allSettled([setWithLink(token, "Erstes-Kennwort-Wettlauf"), setWithLink(token, "Zweites-Kennwort-Wettlauf")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const winner = results[0]!.status === "fulfilled" ? "Erstes-Kennwort-Wettlauf" : "Zweites-Kennwort-Wettlauf";
    expect(await login("rita@salon-demo.de", winner)).toBe(true);
  });

  it("refuses an expired link in German, and a made-up one", async () => {
    const created = await createUser({ name: "Emil Expired", email: "emil@salon-demo.de", role: "staff" });
    const token = tokenOf(created.link.url);
    const later = new Date(NOW.getTime() + LINK_VALID_MS);
    await expect(setWithLink(token, "Gruene-Buerste-2026", later)).rejects.toMatchObject({ code: 4005, message: USER_MESSAGES.linkExpired });
    expect(USER_MESSAGES.linkExpired).toMatch(/^Dieser Link ist abgelaufen\./);
    expect(await inspectPasswordLink(linkDeps(later), token)).toEqual({ state: "expired" });
    // A minute before the end it still works.
    await expect(setWithLink(token, "Gruene-Buerste-2026", new Date(later.getTime() - 60_000))).resolves.toEqual({ email: "emil@salon-demo.de" });

    await expect(setWithLink("A".repeat(43), "Gruene-Buerste-2026")).rejects.toMatchObject({ message: USER_MESSAGES.linkInvalid });
    await expect(setWithLink("", "Gruene-Buerste-2026")).rejects.toMatchObject({ name: "InvalidParamsError" });
  });

  it("applies the password rules to the link's password, under the password field, and keeps the link for another try", async () => {
    const created = await createUser({ name: "Paula Policy", email: "paula@salon-demo.de", role: "staff" });
    const token = tokenOf(created.link.url);
    for (const [password, message] of [
      ["kurz", PASSWORD_MESSAGES.tooShort],
      ["paula-im-salon-2026", PASSWORD_MESSAGES.containsEmail],
      ["passwort123", PASSWORD_MESSAGES.common],
    ] as const) {
      await expect(setWithLink(token, password)).rejects.toMatchObject({ name: "InvalidParamsError", issues: expect.arrayContaining([expect.objectContaining({ path: ["password"], message })]) });
    }
    expect(await inspectPasswordLink(linkDeps(), token)).toMatchObject({ state: "valid" });
    await expect(setWithLink(token, "Ein-gutes-Passwort-9")).resolves.toEqual({ email: "paula@salon-demo.de" });
  });

  it("e-mails the link when SMTP is set up and says so; a failing server is reported and the link still shown", async () => {
    setLinkMailChannel(new SmtpChannel(smtp.url, "AskProAI <noreply@askproai.test>"));
    const created = await createUser({ name: "Mia Mail", email: "mia@salon-demo.de", role: "staff" });
    expect(created.mail).toBe("sent");
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(["mia@salon-demo.de"]);
    const body = mail.data.replace(/=\r?\n/g, "");
    expect(body).toContain(tokenOf(created.link.url));
    expect(body).toContain("Hallo Mia Mail");
    expect(body).toContain("Der Link gilt bis 13.03.2026 09:00 Uhr"); // 72 hours after 10.03. 09:00 Berlin time

    smtp.failNext(1);
    const failed = await createUser({ name: "Fritz Fail", email: "fritz@salon-demo.de", role: "staff" });
    expect(failed.mail).toBe("failed");
    expect(failed.link.url).toContain("/passwort-setzen/");
    expect(await inspectPasswordLink(linkDeps(), tokenOf(failed.link.url))).toMatchObject({ state: "valid" });
  });

  it("refuses an address taken in any company, in any case, without naming who has it", async () => {
    const before = await testDb.prisma.user.count();
    for (const email of ["ADMIN@physio-demo.de", DEMO_USERS.staff.email]) {
      const res = await call("user.create", admin, { name: "Doppelt", email, role: "staff" });
      expect(res.status).toBe(400);
      expect(issuesOf(res)).toEqual([["email", USER_MESSAGES.emailTaken]]);
      expect(JSON.stringify(res.error)).not.toMatch(/Physio|Park|Jan|Tim|Schönschnitt/);
    }
    expect(USER_MESSAGES.emailTaken).toBe("Diese E-Mail-Adresse ist bereits vergeben.");
    expect(await testDb.prisma.user.count()).toBe(before);
  });

  it("answers invalid fields in German under their fields", async () => {
    const res = await call("user.create", admin, { name: " ", email: "kein-mail", role: "chef" });
    expect(res.status).toBe(400);
    expect(Object.fromEntries(issuesOf(res))).toEqual({
      name: "Bitte einen Namen angeben.",
      email: "Bitte eine gültige E-Mail-Adresse angeben, z. B. anna@salon.de.",
      role: "Bitte eine Rolle wählen: Administration oder Team.",
    });
  });
});

describe("user.resetPasswordLink", () => {
  it("issues a new link and makes the earlier one invalid; the old password works until the new link is used", async () => {
    const u = await userWithPassword({ name: "Rudi Reset", email: "rudi@salon-demo.de", role: "staff" }, "Altes-Kennwort-Rot-7");
    const first = ok<Issued>(await call("user.resetPasswordLink", admin, { id: u.id }));
    const second = ok<Issued>(await call("user.resetPasswordLink", admin, { id: u.id }));
    expect(tokenOf(second.link.url)).not.toBe(tokenOf(first.link.url));
    await expect(setWithLink(tokenOf(first.link.url), "Neues-Kennwort-Gruen-8")).rejects.toMatchObject({ message: USER_MESSAGES.linkInvalid });
    expect(await login("rudi@salon-demo.de", "Altes-Kennwort-Rot-7")).toBe(true);

    const session = await sessionToken("rudi@salon-demo.de");
    await setWithLink(tokenOf(second.link.url), "Neues-Kennwort-Gruen-8");
    expect(await login("rudi@salon-demo.de", "Altes-Kennwort-Rot-7")).toBe(false);
    expect(await login("rudi@salon-demo.de", "Neues-Kennwort-Gruen-8")).toBe(true);
    // Setting a password through a link ends the sessions that were open.
    expect(await stillLoggedIn(session)).toBe(false);
    expect(await testDb.prisma.auditLog.count({ where: { method: "user.reset_link_issued", details: { path: ["user_id"], equals: u.id } } })).toBe(2);
  });

  it("refuses a deactivated user and a user of another company", async () => {
    const u = await userWithPassword({ name: "Doris Down", email: "doris@salon-demo.de", role: "staff" }, "Kamm-und-Föhn-2026");
    ok(await call("user.deactivate", admin, { id: u.id }));
    const res = await call("user.resetPasswordLink", admin, { id: u.id });
    expect(res.status).toBe(409);
    expect(res.error?.message).toBe(USER_MESSAGES.inactive);

    const otherAdmin = (await sessionsOf(testDb.prisma, otherId)).admin;
    const foreign = await call("user.resetPasswordLink", otherAdmin, { id: staff.user.id });
    expect(foreign.status).toBe(404);
    expect(foreign.error?.message).toBe(USER_MESSAGES.notFound);
  });
});

describe("deactivate, activate, roles", () => {
  it("deactivating ends the user's sessions on the next request and kills an open link; reactivating does not revive old sessions", async () => {
    const u = await userWithPassword({ name: "Dana Deact", email: "dana@salon-demo.de", role: "staff" }, "Lockenwickler-2026");
    const session = await sessionToken("dana@salon-demo.de");
    expect(await stillLoggedIn(session)).toBe(true);
    const link = ok<Issued>(await call("user.resetPasswordLink", admin, { id: u.id }));

    const off = ok<{ user: UserDto }>(await call("user.deactivate", admin, { id: u.id }));
    expect(off.user).toMatchObject({ is_active: false, link_expires_at: null });
    expect(await stillLoggedIn(session)).toBe(false);
    expect(await login("dana@salon-demo.de", "Lockenwickler-2026")).toBe(false);
    await expect(setWithLink(tokenOf(link.link.url), "Lockenwickler-2027")).rejects.toMatchObject({ message: USER_MESSAGES.linkInvalid });

    const on = ok<{ user: UserDto }>(await call("user.activate", admin, { id: u.id }));
    expect(on.user.is_active).toBe(true);
    expect(await stillLoggedIn(session)).toBe(false);
    expect(await login("dana@salon-demo.de", "Lockenwickler-2026")).toBe(true);

    const methods = (await testDb.prisma.auditLog.findMany({ where: { details: { path: ["user_id"], equals: u.id } }, select: { method: true } })).map((a) => a.method);
    expect(methods).toEqual(expect.arrayContaining(["user.deactivated", "user.activated"]));
  });

  it("an admin can neither deactivate nor demote themself", async () => {
    const self = await call("user.deactivate", admin, { id: admin.user.id });
    expect(self.status).toBe(403);
    expect(self.error?.message).toBe(USER_MESSAGES.selfDeactivate);
    const demote = await call("user.update", admin, { id: admin.user.id, role: "staff" });
    expect(demote.status).toBe(403);
    expect(demote.error?.message).toBe(USER_MESSAGES.selfDemote);
    // Renaming oneself is fine.
    expect(ok<{ user: UserDto }>(await call("user.update", admin, { id: admin.user.id, name: DEMO_USERS.admin.name })).user.role).toBe("admin");
    expect(await testDb.prisma.user.findUniqueOrThrow({ where: { id: admin.user.id }, select: { isActive: true, role: true } })).toEqual({ isActive: true, role: "admin" });
  });

  it("changes roles of others, promoting and demoting, with an audit row naming the change", async () => {
    const u = await userWithPassword({ name: "Rolf Rolle", email: "rolf@salon-demo.de", role: "staff" }, "Haarspray-Dose-2026");
    const token = await sessionToken("rolf@salon-demo.de");
    expect(ok<{ user: UserDto }>(await call("user.update", admin, { id: u.id, role: "admin" })).user.role).toBe("admin");
    // The open session has the new role on its next request.
    expect((await recheckSession(token, { db: testDb.prisma, nowMs: NOW.getTime() })).user?.role).toBe("admin");
    expect(ok<{ user: UserDto }>(await call("user.update", admin, { id: u.id, role: "staff", name: "Rolf Rolle-Neu" })).user).toMatchObject({ role: "staff", name: "Rolf Rolle-Neu" });
    const audit = await testDb.prisma.auditLog.findFirstOrThrow({ where: { method: "user.updated", details: { path: ["user_id"], equals: u.id } }, orderBy: { createdAt: "desc" } });
    expect(audit.details).toMatchObject({ role: { from: "admin", to: "staff" }, name: { from: "Rolf Rolle", to: "Rolf Rolle-Neu" } });
  });

  it("keeps the last active admin: neither demoted nor deactivated, even by an admin whose own access just ended", async () => {
    // Two admins; the first (Petra) is deactivated by the second while her page is still open.
    const second = await userWithPassword({ name: "Zora Zweit", email: "zora@salon-demo.de", role: "admin" }, "Spiegel-im-Flur-2026");
    ok(await call("user.deactivate", sessionOf(second), { id: admin.user.id }));
    try {
      // Petra's stale page (her session would be refused by the door; the service holds the rule on its own).
      const demote = await call("user.update", admin, { id: second.id, role: "staff" });
      expect(demote.status).toBe(409);
      expect(demote.error?.message).toBe(USER_MESSAGES.lastAdmin);
      const deactivate = await call("user.deactivate", admin, { id: second.id });
      expect(deactivate.status).toBe(409);
      expect(await testDb.prisma.user.findUniqueOrThrow({ where: { id: second.id }, select: { isActive: true, role: true } })).toEqual({ isActive: true, role: "admin" });
    } finally {
      ok(await call("user.activate", sessionOf(second), { id: admin.user.id }));
    }
    // With Petra active again, Zora may go.
    ok(await call("user.update", admin, { id: second.id, role: "staff" }));
  });

  it("lets only one of two admins deactivating each other at the same moment succeed", async () => {
    const a = await userWithPassword({ name: "Anton Admin", email: "anton@salon-demo.de", role: "admin" }, "Waschbecken-Links-1");
    const b = await userWithPassword({ name: "Berta Admin", email: "berta@salon-demo.de", role: "admin" }, "Waschbecken-Rechts-2");
    // Take Petra out of the count for this race: only Anton and Berta are active admins.
    await testDb.prisma.user.update({ where: { id: admin.user.id }, data: { role: "staff" } });
    try {
      const [ab, ba] = await Promise.all([call("user.deactivate", sessionOf(a), { id: b.id }), call("user.deactivate", sessionOf(b), { id: a.id })]);
      expect([ab.status, ba.status].sort()).toEqual([200, 409]);
      expect(await testDb.prisma.user.count({ where: { companyId: demoId, role: "admin", isActive: true } })).toBe(1);
    } finally {
      await testDb.prisma.user.update({ where: { id: admin.user.id }, data: { role: "admin" } });
    }
  });
});

describe("user.changeOwnPassword", () => {
  it("checks the current password, applies the rules under the new one, and ends every session of the user", async () => {
    const u = await userWithPassword({ name: "Carla Change", email: "carla@salon-demo.de", role: "staff" }, "Erstes-Geheimwort-Blau");
    const me = sessionOf(u);
    const openSession = await sessionToken("carla@salon-demo.de");

    const wrong = await call("user.changeOwnPassword", me, { current_password: "falsch-falsch", new_password: "Zweites-Geheimwort-Gelb" });
    expect(wrong.status).toBe(400);
    expect(issuesOf(wrong)).toEqual([["current_password", USER_MESSAGES.wrongCurrentPassword]]);

    const weak = await call("user.changeOwnPassword", me, { current_password: "Erstes-Geheimwort-Blau", new_password: "Carla123" });
    expect(issuesOf(weak)).toEqual([
      ["new_password", PASSWORD_MESSAGES.tooShort],
      ["new_password", PASSWORD_MESSAGES.containsEmail],
    ]);
    const same = await call("user.changeOwnPassword", me, { current_password: "Erstes-Geheimwort-Blau", new_password: "Erstes-Geheimwort-Blau" });
    expect(issuesOf(same)).toEqual([["new_password", USER_MESSAGES.samePassword]]);
    expect(await stillLoggedIn(openSession)).toBe(true);

    expect(ok(await call("user.changeOwnPassword", me, { current_password: "Erstes-Geheimwort-Blau", new_password: "Zweites-Geheimwort-Gelb" }))).toEqual({ changed: true });
    expect(await login("carla@salon-demo.de", "Erstes-Geheimwort-Blau")).toBe(false);
    expect(await login("carla@salon-demo.de", "Zweites-Geheimwort-Gelb")).toBe(true);
    expect(await stillLoggedIn(openSession)).toBe(false);
    // A login after the change stays.
    expect(await stillLoggedIn(await sessionToken("carla@salon-demo.de"))).toBe(true);
    expect(await testDb.prisma.auditLog.count({ where: { method: "user.password_changed", actorId: u.id } })).toBe(1);
  });

  it("is open to staff, for their own account only", async () => {
    const res = await call("user.changeOwnPassword", staff, { current_password: DEMO_USERS.staff.password, new_password: "Tims-neues-Passwort-1" });
    expect(res.status).toBe(200);
    expect(await login(DEMO_USERS.staff.email, "Tims-neues-Passwort-1")).toBe(true);
    // The admin's password did not change.
    expect(await login(DEMO_USERS.admin.email, DEMO_USERS.admin.password)).toBe(true);
  });
});
