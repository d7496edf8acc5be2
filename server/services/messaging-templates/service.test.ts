/**
 * messaging.templates through the dashboard's tRPC door and callMethod on PGlite: defaults and
 * own texts, German field errors for placeholders and length, admin-only writes, company scope,
 * the configuration grant for tokens, reset, and the preview with sample values.
 */
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callMethod } from "@/server/core/dispatch";
import { appRouter } from "@/server/doors/trpc/root";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { seedDemo } from "@/server/seed/demo";
import { seedOtherDemoCompany } from "@/server/seed/other-company";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { callTrpc, sessionsOf, type TrpcTestResponse } from "@/server/testing/trpc";
import { defaultTemplate } from "./defaults";
import { messagingContext } from "@/server/services/messaging-delivery/context";
import { renderMessage } from "./render";
import type { TemplateDto } from "./schemas";

const NOW = new Date("2026-03-10T23:30:00Z"); // already 11.03. in Berlin (00:30): "tomorrow" is 12.03.2026
let testDb: TestDb;
let demoId: string;
let otherId: string;
let admin: Session;
let staff: Session;
let otherAdmin: Session;

type Listed = { templates: TemplateDto[]; sample: { name: string; date: string; time: string; service: string; branch: string; company: string } };
type Preview = { subject: string | null; text: string; html: string | null; sms: { encoding: string; characters: number; segments: number; limit: number; firstNonGsm?: string } | null; problem: string | null };

const call = (path: string, session: Session, input?: unknown, mutation = true) =>
  callTrpc(appRouter, path, session, input, { db: testDb.prisma, mutation, now: () => NOW });
const ok = <T>(res: TrpcTestResponse): T => {
  expect(res.error, JSON.stringify(res.error)).toBeUndefined();
  return res.data as T;
};
const issuesOf = (res: TrpcTestResponse) => ((res.error?.data.issues ?? []) as Array<{ path: string; message: string }>).map((i) => [i.path, i.message]);
const list = async (session = admin) => ok<Listed>(await call("messaging.templates.list", session, {}, false));
const find = (l: Listed, channel: string, kind: string) => l.templates.find((t) => t.channel === channel && t.kind === kind)!;

beforeAll(async () => {
  testDb = await createTestDb();
  demoId = await seedDemo(testDb.prisma, { now: NOW });
  otherId = await seedOtherDemoCompany(testDb.prisma, { now: NOW });
  ({ admin, staff } = await sessionsOf(testDb.prisma, demoId));
  ({ admin: otherAdmin } = await sessionsOf(testDb.prisma, otherId));
});
afterAll(async () => {
  await testDb?.close();
});
beforeEach(async () => {
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
  await testDb.prisma.messageTemplate.deleteMany({});
});

describe("messaging.templates.list", () => {
  it("lists all ten templates (five kinds by SMS and e-mail) as defaults for a company without own texts", async () => {
    const l = await list();
    expect(l.templates).toHaveLength(10);
    expect(l.templates.every((t) => t.is_default && t.updated_at === null)).toBe(true);
    expect(find(l, "sms", "reminder")).toMatchObject({ subject: null, body: defaultTemplate("sms", "reminder").body });
    expect(find(l, "email", "confirmation").subject).toBe(defaultTemplate("email", "confirmation").subject);
  });

  it("is readable by staff too, and gives sample values for the preview", async () => {
    const l = await list(staff);
    expect(l.sample).toMatchObject({ name: "Anna Beispiel", date: "12.03.2026", time: "10:00" });
    const company = await testDb.prisma.company.findUniqueOrThrow({ where: { id: demoId } });
    expect(l.sample.company).toBe(company.name);
    const firstService = await testDb.prisma.service.findFirstOrThrow({ where: { companyId: demoId, isActive: true }, orderBy: { name: "asc" } });
    expect(l.sample.service).toBe(firstService.name);
  });
});

describe("messaging.templates.update", () => {
  it("saves the company's own text, which renderMessage then uses; another company keeps the default", async () => {
    const saved = ok<{ template: TemplateDto }>(
      await call("messaging.templates.update", admin, { channel: "sms", kind: "confirmation", body: "  Bis {datum}, {name}! {betrieb}  " }),
    );
    expect(saved.template).toMatchObject({ channel: "sms", kind: "confirmation", subject: null, body: "Bis {datum}, {name}! {betrieb}", is_default: false });
    expect(find(await list(), "sms", "confirmation")).toMatchObject({ body: "Bis {datum}, {name}! {betrieb}", is_default: false });
    expect(find(await list(otherAdmin), "sms", "confirmation").is_default).toBe(true);

    const vars = { name: "Ole", date: "12.03.2026", time: "09:00", service: "Schnitt", staff: null, branch: "Mitte", address: null, company: "Salon" };
    expect(renderMessage((await messagingContext(testDb.prisma, demoId))!.templates, { channel: "sms", kind: "confirmation", vars }).text).toBe("Bis 12.03.2026, Ole! Salon");
    expect(renderMessage((await messagingContext(testDb.prisma, otherId))!.templates, { channel: "sms", kind: "confirmation", vars }).text).toMatch(/^Hallo Ole, Ihr Termin bei Salon/);
  });

  it("overwrites an earlier own text and stores the e-mail subject", async () => {
    await call("messaging.templates.update", admin, { channel: "email", kind: "reminder", subject: "Alt", body: "Alt" });
    ok(await call("messaging.templates.update", admin, { channel: "email", kind: "reminder", subject: "Morgen: {leistung}", body: "Hallo {name}" }));
    const rows = await testDb.prisma.messageTemplate.findMany({ where: { companyId: demoId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: "email", kind: "reminder", subject: "Morgen: {leistung}", body: "Hallo {name}" });
  });

  it("refuses unknown placeholders with a German message under the field, naming them", async () => {
    const res = await call("messaging.templates.update", admin, { channel: "email", kind: "change", subject: "Neu: {termin}", body: "Hallo {vorname}" });
    expect(res.status).toBe(400);
    const issues = issuesOf(res);
    expect(issues).toContainEqual(["body", expect.stringMatching(/^Unbekannter Platzhalter: \{vorname\}\. Erlaubt sind \{name\}/)]);
    expect(issues).toContainEqual(["subject", expect.stringMatching(/^Unbekannter Platzhalter: \{termin\}/)]);
    expect(await testDb.prisma.messageTemplate.count()).toBe(0);
  });

  it("refuses an SMS text over 640 characters, an empty text and an e-mail without subject", async () => {
    expect(issuesOf(await call("messaging.templates.update", admin, { channel: "sms", kind: "reminder", body: "a".repeat(641) }))).toEqual([
      ["body", "Eine SMS-Vorlage hat höchstens 640 Zeichen (jetzt 641)."],
    ]);
    ok(await call("messaging.templates.update", admin, { channel: "sms", kind: "reminder", body: "a".repeat(640) }));
    expect(issuesOf(await call("messaging.templates.update", admin, { channel: "sms", kind: "change", body: "   " }))).toEqual([["body", "Bitte einen Text eingeben."]]);
    expect(issuesOf(await call("messaging.templates.update", admin, { channel: "email", kind: "change", body: "Hallo" }))).toEqual([
      ["subject", "Bitte einen Betreff angeben."],
    ]);
  });

  it("ignores a subject for SMS", async () => {
    const saved = ok<{ template: TemplateDto }>(await call("messaging.templates.update", admin, { channel: "sms", kind: "change", subject: "x", body: "Neu: {datum}" }));
    expect(saved.template.subject).toBeNull();
    expect((await testDb.prisma.messageTemplate.findFirstOrThrow()).subject).toBeNull();
  });

  it("treats a text equal to the default as the default", async () => {
    await call("messaging.templates.update", admin, { channel: "sms", kind: "cancellation", body: "Eigener Text" });
    const d = defaultTemplate("sms", "cancellation");
    const saved = ok<{ template: TemplateDto }>(await call("messaging.templates.update", admin, { channel: "sms", kind: "cancellation", body: d.body }));
    expect(saved.template.is_default).toBe(true);
    expect(await testDb.prisma.messageTemplate.count()).toBe(0);
  });

  it("is for admins only", async () => {
    const res = await call("messaging.templates.update", staff, { channel: "sms", kind: "confirmation", body: "Hallo" });
    expect(res.status).toBe(403);
    expect(res.error?.message).toBe("Für diese Aktion fehlt Ihnen die Berechtigung.");
    expect((await call("messaging.templates.reset", staff, { channel: "sms", kind: "confirmation" })).status).toBe(403);
    expect(await testDb.prisma.messageTemplate.count()).toBe(0);
  });

  it("needs the configuration grant from an API token; reading needs only the server", async () => {
    const door = (allowedServers: string[]) => ({
      companyId: demoId,
      actor: { type: "token" as const, id: "tok", allowedServers },
      correlationId: "t",
      db: testDb.prisma,
      now: () => NOW,
    });
    const params = { channel: "sms", kind: "confirmation", body: "Per API {name}" };
    await expect(callMethod("messaging.templates.update", params, door(["messaging.templates"]))).rejects.toMatchObject({ code: 3006 });
    await expect(callMethod("messaging.templates.list", {}, door(["messaging.templates:read"]))).resolves.toBeDefined();
    await callMethod("messaging.templates.update", params, door(["config:messaging.templates"]));
    expect((await testDb.prisma.messageTemplate.findFirstOrThrow({ where: { companyId: demoId } })).body).toBe("Per API {name}");
  });
});

describe("messaging.templates.reset", () => {
  it("goes back to the default for that channel and kind only, in the own company only", async () => {
    await call("messaging.templates.update", admin, { channel: "sms", kind: "confirmation", body: "Eigen A" });
    await call("messaging.templates.update", admin, { channel: "sms", kind: "reminder", body: "Eigen B" });
    await call("messaging.templates.update", otherAdmin, { channel: "sms", kind: "confirmation", body: "Fremd" });
    const res = ok<{ template: TemplateDto }>(await call("messaging.templates.reset", admin, { channel: "sms", kind: "confirmation" }));
    expect(res.template).toMatchObject({ is_default: true, body: defaultTemplate("sms", "confirmation").body });
    const l = await list();
    expect(find(l, "sms", "confirmation").is_default).toBe(true);
    expect(find(l, "sms", "reminder").body).toBe("Eigen B");
    expect(find(await list(otherAdmin), "sms", "confirmation").body).toBe("Fremd");
  });
});

describe("messaging.templates.preview", () => {
  it("fills an SMS draft with sample values and tells its length", async () => {
    const p = ok<Preview>(await call("messaging.templates.preview", admin, { channel: "sms", kind: "confirmation", body: "Hallo {name}, am {datum} um {uhrzeit}." }, false));
    expect(p.text).toBe("Hallo Anna Beispiel, am 12.03.2026 um 10:00.");
    expect(p.sms).toEqual({ encoding: "GSM-7", characters: 44, segments: 1, limit: 160 });
    expect(p.problem).toBeNull();
    expect(p.html).toBeNull();
  });

  it("names the character that makes an SMS UCS-2", async () => {
    const p = ok<Preview>(await call("messaging.templates.preview", admin, { channel: "sms", kind: "reminder", body: "Bis „morgen“ {name}" }, false));
    expect(p.sms).toMatchObject({ encoding: "UCS-2", firstNonGsm: "„", limit: 70 });
  });

  it("previews a draft that could not be saved and names the problem", async () => {
    const p = ok<Preview>(await call("messaging.templates.preview", admin, { channel: "email", kind: "change", subject: "Hi {name}", body: "{termin} <i>x</i>" }, false));
    expect(p.subject).toBe("Hi Anna Beispiel");
    expect(p.text).toBe("{termin} <i>x</i>");
    expect(p.html).toContain("{termin} &lt;i&gt;x&lt;/i&gt;");
    expect(p.problem).toMatch(/^Unbekannter Platzhalter: \{termin\}/);
    expect(p.sms).toBeNull();
  });

  it("uses the calling company's data", async () => {
    const other = await testDb.prisma.company.findUniqueOrThrow({ where: { id: otherId } });
    const p = ok<Preview>(await call("messaging.templates.preview", otherAdmin, { channel: "sms", kind: "confirmation", body: "{betrieb}" }, false));
    expect(p.text).toBe(other.name);
  });
});
