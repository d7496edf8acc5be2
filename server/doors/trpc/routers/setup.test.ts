/**
 * The set-up wizard's first step (tRPC `setup.*`) and `npm run company:create`, on a real
 * PGlite database without demo data: the set-up code guards the empty install, one company
 * with branch and admin is created in one go, and the wizard closes behind it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoginThrottle } from "@/server/auth/login-throttle";
import { verifyCredentials } from "@/server/auth/credentials";
import { companyCreate } from "@/server/doors/cli/company-create";
import { appRouter } from "@/server/doors/trpc/root";
import { env } from "@/server/platform/env";
import { setupCodeFor, setupCodeMatches } from "@/server/services/company/setup-code";
import { slugFromName, STARTER_HOURS } from "@/server/services/company/schemas";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { callTrpc, sessionFor } from "@/server/testing/trpc";

let testDb: TestDb;
const call = (path: string, input?: unknown, mutation = false) => callTrpc(appRouter, path, null, input, { db: testDb.prisma, mutation });

const wizardInput = (code: string) => ({
  setup_code: code,
  name: "Salon Müller",
  slug: "salon-mueller",
  time_zone: "Europe/Berlin",
  branch: { name: "Salon Müller Schwabing", street: "Leopoldstraße 12", postal_code: "80802", city: "München", state: "BY" },
  admin: { name: "Eva Müller", email: "Eva@Salon-Mueller.de", password: "Kamm-und-Schere-2026" },
});

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

describe("set-up code", () => {
  it("is derived from the install's secret: stable for one, different for another, typed leniently", () => {
    const code = setupCodeFor("a".repeat(32));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(setupCodeFor("a".repeat(32))).toBe(code);
    expect(setupCodeFor("b".repeat(32))).not.toBe(code);
    expect(setupCodeMatches("a".repeat(32), ` ${code.toLowerCase().replace(/-/g, " ")} `)).toBe(true);
    expect(setupCodeMatches("a".repeat(32), code.slice(0, -1))).toBe(false);
    expect(setupCodeMatches("b".repeat(32), code)).toBe(false);
  });

  it("suggests a slug from a German business name", () => {
    expect(slugFromName("Salon Müller & Söhne")).toBe("salon-mueller-soehne");
    expect(slugFromName("  Praxis Dr. Weiß – Physio ")).toBe("praxis-dr-weiss-physio");
  });
});

describe("set-up wizard (setup.createFirstCompany)", () => {
  it("is open on an install without companies", async () => {
    expect((await call("setup.status")).data).toEqual({ open: true });
  });

  it("refuses a wrong code under the code field and creates nothing", async () => {
    const res = await call("setup.createFirstCompany", wizardInput("AAAAA-AAAAA-AAAAA"), true);
    expect(res.status).toBe(400);
    expect(res.error?.data.issues).toEqual([{ path: "setup_code", message: expect.stringContaining("Einrichtungscode stimmt nicht") }]);
    expect(await testDb.prisma.company.count()).toBe(0);
  });

  it("refuses an invalid slug and a short password under their fields", async () => {
    const input = wizardInput(setupCodeFor(env().AUTH_SECRET));
    const res = await call("setup.createFirstCompany", { ...input, slug: "Salon Müller!", admin: { ...input.admin, password: "kurz" } }, true);
    expect(res.status).toBe(400);
    const paths = (res.error?.data.issues as Array<{ path: string }>).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["slug", "admin.password"]));
    expect(await testDb.prisma.company.count()).toBe(0);
  });

  it("holds the admin's password to the rules of every login: no common password, not the e-mail address", async () => {
    const input = wizardInput(setupCodeFor(env().AUTH_SECRET));
    for (const password of ["passwort123", "eva-mueller", "Eva@Salon-Mueller.de"]) {
      const email = password.includes("@") ? password : "eva-mueller@salon.de";
      const res = await call("setup.createFirstCompany", { ...input, admin: { ...input.admin, email, password } }, true);
      expect(res.status, password).toBe(400);
      expect((res.error?.data.issues as Array<{ path: string }>).map((i) => i.path), password).toContain("admin.password");
    }
    expect(await testDb.prisma.company.count()).toBe(0);
  });

  it("with the code creates company, first branch with starter hours, built-in calendar and an admin who can log in", async () => {
    const res = await call("setup.createFirstCompany", wizardInput(setupCodeFor(env().AUTH_SECRET)), true);
    expect(res.status).toBe(200);
    const company = await testDb.prisma.company.findUniqueOrThrow({
      where: { slug: "salon-mueller" },
      include: { branches: true, users: true, calendarConnection: true, retellConfig: true },
    });
    expect(company).toMatchObject({ name: "Salon Müller", timeZone: "Europe/Berlin" });
    expect(company.branches).toHaveLength(1);
    expect(company.branches[0]).toMatchObject({ name: "Salon Müller Schwabing", postalCode: "80802", state: "BY", businessHours: STARTER_HOURS });
    expect(company.calendarConnection?.provider).toBe("local");
    expect(company.retellConfig).not.toBeNull();
    expect(company.users.map((u) => ({ email: u.email, role: u.role }))).toEqual([{ email: "eva@salon-mueller.de", role: "admin" }]);
    const login = await verifyCredentials(
      { db: testDb.prisma, throttle: new LoginThrottle(), now: () => new Date() },
      { email: "eva@salon-mueller.de", password: "Kamm-und-Schere-2026", ip: null },
    );
    expect(login).toMatchObject({ role: "admin", companyId: company.id });
    const audit = await testDb.prisma.auditLog.findFirst({ where: { companyId: company.id, method: "company.create" } });
    expect(audit?.actorId).toBe("setup-wizard");
  });

  it("'Erste Schritte' sees what the new company still lacks, and what it adds", async () => {
    const company = await testDb.prisma.company.findUniqueOrThrow({ where: { slug: "salon-mueller" }, include: { users: true, branches: true } });
    const admin = sessionFor({ ...company.users[0]!, role: "admin" }, company.id, company);
    const progress = () => callTrpc(appRouter, "dashboard.setupProgress", admin, undefined, { db: testDb.prisma });
    expect((await progress()).data).toEqual({ branches: 1, services: 0, staff: 0, bookableStaff: 0, retellKey: false, phoneNumbers: 0, agent: false });
    const service = await testDb.prisma.service.create({ data: { companyId: company.id, name: "Schnitt", durationMinutes: 30 } });
    await testDb.prisma.staff.create({ data: { companyId: company.id, branchId: company.branches[0]!.id, name: "Ohne Leistung" } });
    expect((await progress()).data).toMatchObject({ services: 1, staff: 1, bookableStaff: 0 });
    await testDb.prisma.staff.create({
      data: { companyId: company.id, branchId: company.branches[0]!.id, name: "Mit Leistung", services: { create: [{ serviceId: service.id }] } },
    });
    expect((await progress()).data).toMatchObject({ staff: 2, bookableStaff: 1 });
    const staffSession = sessionFor({ ...company.users[0]!, role: "staff" }, company.id, company);
    expect((await callTrpc(appRouter, "dashboard.setupProgress", staffSession, undefined, { db: testDb.prisma })).status).toBe(403);
  });

  it("closes once a company exists: the same code no longer creates one", async () => {
    expect((await call("setup.status")).data).toEqual({ open: false });
    const res = await call("setup.createFirstCompany", { ...wizardInput(setupCodeFor(env().AUTH_SECRET)), slug: "zweiter" }, true);
    expect(res.status).toBe(409);
    expect(res.error?.message).toContain("bereits abgeschlossen");
    expect(await testDb.prisma.company.count()).toBe(1);
  });
});

describe("npm run company:create", () => {
  const run = async (argv: string[]) => {
    const lines: string[] = [];
    const code = await companyCreate({ db: testDb.prisma, pglite: null, cwd: ".", out: (l) => lines.push(l) }, argv);
    return { code, text: lines.join("\n") };
  };

  it("adds a further company with a slug from its name and prints the generated password once", async () => {
    const res = await run(["--name", "Praxis Weiß", "--branch", "Praxis Weiß Altona", "--state", "HH", "--admin-email", "chefin@praxis-weiss.de", "--admin-name", "Dr. Weiß"]);
    expect(res.code).toBe(0);
    const password = /Password \(shown once\): (\S+)/.exec(res.text)?.[1];
    expect(password).toBeTruthy();
    const company = await testDb.prisma.company.findUniqueOrThrow({ where: { slug: "praxis-weiss" }, include: { branches: true, users: true } });
    expect(company.branches[0]).toMatchObject({ name: "Praxis Weiß Altona", state: "HH" });
    const login = await verifyCredentials(
      { db: testDb.prisma, throttle: new LoginThrottle(), now: () => new Date() },
      { email: "chefin@praxis-weiss.de", password: password!, ip: null },
    );
    expect(login.companyId).toBe(company.id);
  });

  it("refuses a taken slug and names the option of a bad value, creating nothing", async () => {
    const before = await testDb.prisma.company.count();
    const taken = await run(["--name", "Salon Müller", "--admin-email", "x@example.de", "--admin-name", "X"]);
    expect(taken.code).toBe(1);
    expect(taken.text).toContain("Kürzel ist schon vergeben");
    const bad = await run(["--name", "Neu", "--state", "XX", "--admin-email", "kein-mail", "--admin-name", "Y"]);
    expect(bad.code).toBe(2);
    expect(bad.text).toMatch(/--state: .*Bundesland/);
    expect(bad.text).toMatch(/--admin-email: /);
    expect(await testDb.prisma.company.count()).toBe(before);
    expect(await testDb.prisma.user.count({ where: { email: "x@example.de" } })).toBe(0);
  });
});
