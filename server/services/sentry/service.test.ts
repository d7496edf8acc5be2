/**
 * sentry.*: the error view read from Sentry's web API (a fake over HTTP: Bearer token, Link
 * pages followed only while results="true", latest event scrubbed), falling back to the app's
 * own store without a token or when Sentry refuses it, company scoping of the own store (the
 * install's owner also sees errors of no company; Sentry only for the owner), admin only, the
 * own store's resolve, and the health check's states.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { callMethod } from "@/server/core/dispatch";
import type { Actor } from "@/server/core/types";
import { startFakeSentry, type FakeSentry } from "@/server/integrations/fakes/sentry-server";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { MethodRateLimiter, setRateLimiter } from "@/server/platform/rate-limit";
import { overrideEnv, seededTestDb, testContext } from "@/server/testing/retell";
import { createOtherCompany, type Tenant } from "@/server/testing/tenants";
import { sentryHealth } from "./health";
import type * as s from "./schemas";

type List = z.output<typeof s.listIssuesResult>;
type Detail = z.output<typeof s.getIssueResult>;

const TOKEN = "sntrys_operator_token";
const NOW = new Date("2026-11-28T12:00:00.000Z");
const admin: Actor = { type: "user", id: "admin-1", role: "admin" };

let db: Awaited<ReturnType<typeof seededTestDb>>;
let other: Tenant;
let sentry: FakeSentry;
let restore: (() => void) | undefined;

function call<T>(method: string, params: unknown, opts: { companyId?: string; actor?: Actor } = {}): Promise<T> {
  return callMethod(method, params, { companyId: opts.companyId ?? db.companyId, actor: opts.actor ?? admin, correlationId: "sentry-test", db: db.prisma, now: () => NOW }).then(
    (r) => r.data as T,
  );
}

function useSentry(patch: { token?: string } = {}): void {
  restore = overrideEnv({ SENTRY_API_BASE_URL: sentry.apiUrl, SENTRY_AUTH_TOKEN: patch.token ?? TOKEN, SENTRY_ORG: "salon-org", SENTRY_PROJECT: "askproai" });
}

beforeAll(async () => {
  db = await seededTestDb();
  other = await createOtherCompany(db.prisma);
  sentry = await startFakeSentry({ token: TOKEN, org: "salon-org", project: { id: "4711", slug: "askproai" }, pageSize: 2 });
  sentry.state.addIssue({ id: "101", title: "TypeError: Cannot read properties of undefined", count: "12", lastSeen: "2026-11-28T11:00:00.000Z", project: { id: "4711", slug: "askproai", name: "askproai" } }, {
    eventID: "ev1",
    dateCreated: "2026-11-28T11:00:00.000Z",
    entries: [
      {
        type: "exception",
        data: {
          values: [
            { type: "Error", value: "cause", stacktrace: { frames: [] } },
            {
              type: "TypeError",
              value: "Kein Kunde unter 0171 1234567",
              stacktrace: { frames: [{ function: "outer", filename: "server/doors/x.ts", lineNo: 3 }, { function: "book", filename: "server/services/appointments/book.ts", lineNo: 42 }] },
            },
          ],
        },
      },
    ],
    tags: [
      { key: "where", value: "appointments.book" },
      { key: "user", value: "email:chef@salon.de" },
      { key: "environment", value: "production" },
    ],
    context: { correlation_id: "corr-77" },
  });
  sentry.state.addIssue({ id: "102", title: "Error: Slot vergeben", project: { id: "4711", slug: "askproai", name: "askproai" } });
  sentry.state.addIssue({ id: "103", title: "Error: Zeitüberschreitung", project: { id: "4711", slug: "askproai", name: "askproai" } });
  sentry.state.addIssue({ id: "104", title: "Error: erledigt", status: "resolved", project: { id: "4711", slug: "askproai", name: "askproai" } });
  sentry.state.addIssue({ id: "900", title: "Error: anderes Projekt", project: { id: "9", slug: "other", name: "other" } });

  const seen = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
  await db.prisma.errorEvent.createMany({
    data: [
      { fingerprint: "own-1", companyId: db.companyId, title: "Error: Kalender nicht erreichbar", culprit: "appointments.book", count: 3, lastSeen: seen(1), lastEvent: { type: "Error", message: "Kalender für 0171 1234567 nicht erreichbar", stack: ["at book (server/services/appointments/book.ts:42:7)"], where: "appointments.book", correlationId: "corr-1", at: seen(1).toISOString() } },
      { fingerprint: "own-2", companyId: db.companyId, title: "Error: alt erledigt", status: "resolved", lastSeen: seen(5) },
      { fingerprint: "own-old", companyId: db.companyId, title: "Error: vor drei Wochen", lastSeen: seen(21 * 24) },
      { fingerprint: "system-1", companyId: null, title: "Error: Route /api/health", culprit: "GET /api/health", lastSeen: seen(2) },
      { fingerprint: "other-1", companyId: other.companyId, title: "Error: Barbier-Fehler", lastSeen: seen(1) },
    ],
  });
});
afterAll(async () => {
  await sentry.close();
  await db.close();
});
beforeEach(() => {
  restore?.();
  restore = undefined;
  setCache(new MemoryCache());
  setRateLimiter(new MethodRateLimiter());
  sentry.state.requests.length = 0;
});

describe("from Sentry's web API", () => {
  it("lists the project's issues with the operator's token and follows the Link cursor only while results are announced", async () => {
    useSentry();
    const first = await call<List>("sentry.listIssues", { status: "unresolved", period: "24h" });
    expect(first.source).toBe("sentry");
    expect(first.notice).toBeNull();
    expect(first.issues.map((i) => i.id)).toEqual(["101", "102"]);
    expect(first.issues[0]).toMatchObject({ title: "TypeError: Cannot read properties of undefined", count: 12, last_seen: "2026-11-28T11:00:00.000Z", short_id: "ASKPROAI-101", system: false });
    expect(first.next_cursor).toBe("0:2:0");

    const second = await call<List>("sentry.listIssues", { status: "unresolved", period: "24h", cursor: first.next_cursor });
    expect(second.issues.map((i) => i.id)).toEqual(["103"]);
    // The fake still sends a rel="next" link, with results="false": there is no third page.
    expect(second.next_cursor).toBeNull();

    const lists = sentry.state.requestsTo("GET", "/api/0/organizations/salon-org/issues/");
    expect(lists).toHaveLength(2);
    expect(lists[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(lists[0]!.query.getAll("project")).toEqual(["4711"]);
    expect(lists[0]!.query.get("statsPeriod")).toBe("24h");
    expect(lists[0]!.query.get("query")).toBe("is:unresolved");
    expect(lists[1]!.query.get("cursor")).toBe("0:2:0");
  });

  it("passes status and search words to Sentry's query", async () => {
    useSentry();
    const resolved = await call<List>("sentry.listIssues", { status: "resolved" });
    expect(resolved.issues.map((i) => i.id)).toEqual(["104"]);
    const searched = await call<List>("sentry.listIssues", { status: "all", query: "Slot" });
    expect(searched.issues.map((i) => i.id)).toEqual(["102"]);
    expect(sentry.state.requestsTo("GET", "/api/0/organizations/salon-org/issues/").at(-1)!.query.get("query")).toBe("Slot");
  });

  it("shows one issue with its latest event: the thrown error, innermost frame first, no personal data", async () => {
    useSentry();
    const detail = await call<Detail>("sentry.getIssue", { id: "101" });
    expect(detail.source).toBe("sentry");
    expect(detail.issue).toMatchObject({ id: "101", count: 12 });
    expect(detail.latest_event).toEqual({
      at: "2026-11-28T11:00:00.000Z",
      type: "TypeError",
      message: "Kein Kunde unter [Telefonnummer]",
      stack: ["at book (server/services/appointments/book.ts:42)", "at outer (server/doors/x.ts:3)"],
      where: "appointments.book",
      correlation_id: "corr-77",
      tags: [
        { key: "where", value: "appointments.book" },
        { key: "environment", value: "production" },
      ],
    });
    expect(sentry.state.requestsTo("GET", "/api/0/organizations/salon-org/issues/101/events/latest/")).toHaveLength(1);
  });

  it("answers from the own store, saying why, when Sentry refuses the token", async () => {
    useSentry({ token: "sntrys_wrong_token" });
    const list = await call<List>("sentry.listIssues", {});
    expect(list.source).toBe("app");
    expect(list.notice).toBe("Sentry lehnt das Zugriffs-Token ab. Angezeigt wird das Protokoll der App.");
    expect(list.issues.map((i) => i.title)).toContain("Error: Kalender nicht erreichbar");
    expect(sentry.state.requests.at(-1)!.headers.authorization).toBe("Bearer sntrys_wrong_token");
  });

  it("is read for the install's owner only: another company gets its own errors from the app's store", async () => {
    useSentry();
    const list = await call<List>("sentry.listIssues", {}, { companyId: other.companyId });
    expect(list).toMatchObject({ source: "app", notice: null });
    expect(list.issues.map((i) => i.title)).toEqual(["Error: Barbier-Fehler"]);
    expect(sentry.state.requests).toHaveLength(0);
  });
});

describe("from the app's own store (no Sentry token)", () => {
  it("lists the company's and the system's open errors of the period, newest first", async () => {
    const list = await call<List>("sentry.listIssues", { status: "unresolved", period: "14d" });
    expect(list).toMatchObject({ source: "app", notice: null, next_cursor: null });
    expect(list.issues.map((i) => [i.title, i.system])).toEqual([
      ["Error: Kalender nicht erreichbar", false],
      ["Error: Route /api/health", true],
    ]);
    expect(list.issues[0]).toMatchObject({ count: 3, culprit: "appointments.book", status: "unresolved", permalink: null });
    expect(sentry.state.requests).toHaveLength(0);
  });

  it("filters by status, period and words", async () => {
    const titles = async (params: object) => (await call<List>("sentry.listIssues", params)).issues.map((i) => i.title);
    expect(await titles({ status: "resolved" })).toEqual(["Error: alt erledigt"]);
    expect(await titles({ status: "all", period: "30d" })).toHaveLength(4);
    expect(await titles({ status: "all", period: "24h", query: "kalender" })).toEqual(["Error: Kalender nicht erreichbar"]);
  });

  it("shows one error with its stored occurrence, scrubbed again on the way out", async () => {
    const { issues } = await call<List>("sentry.listIssues", {});
    const detail = await call<Detail>("sentry.getIssue", { id: issues[0]!.id });
    expect(detail.source).toBe("app");
    expect(detail.latest_event).toMatchObject({
      type: "Error",
      message: "Kalender für [Telefonnummer] nicht erreichbar",
      stack: ["at book (server/services/appointments/book.ts:42:7)"],
      where: "appointments.book",
      correlation_id: "corr-1",
    });
  });

  it("keeps companies apart: another company sees only its own errors and none of the system's, and cannot open or resolve the owner's", async () => {
    const list = await call<List>("sentry.listIssues", { status: "all", period: "30d" }, { companyId: other.companyId });
    expect(list.issues.map((i) => i.title)).toEqual(["Error: Barbier-Fehler"]);
    const ownersId = (await db.prisma.errorEvent.findUniqueOrThrow({ where: { fingerprint: "own-1" } })).id;
    const systemId = (await db.prisma.errorEvent.findUniqueOrThrow({ where: { fingerprint: "system-1" } })).id;
    for (const id of [ownersId, systemId]) {
      await expect(call("sentry.getIssue", { id }, { companyId: other.companyId })).rejects.toMatchObject({ code: 3005, message: "Dieser Fehler wurde nicht gefunden." });
      await expect(call("sentry.resolveIssue", { id }, { companyId: other.companyId })).rejects.toMatchObject({ code: 3005 });
    }
    expect((await db.prisma.errorEvent.findUniqueOrThrow({ where: { id: ownersId } })).status).toBe("unresolved");
  });

  it("pages by 25", async () => {
    await db.prisma.errorEvent.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ fingerprint: `page-${i}`, companyId: other.companyId, title: `Error: Seite ${i}`, lastSeen: new Date(NOW.getTime() - (i + 2) * 60_000) })),
    });
    try {
      const first = await call<List>("sentry.listIssues", {}, { companyId: other.companyId });
      expect(first.issues).toHaveLength(25);
      expect(first.next_cursor).toBe("25");
      const second = await call<List>("sentry.listIssues", { cursor: first.next_cursor }, { companyId: other.companyId });
      expect(second.issues).toHaveLength(6);
      expect(second.next_cursor).toBeNull();
      expect(new Set([...first.issues, ...second.issues].map((i) => i.id)).size).toBe(31);
    } finally {
      await db.prisma.errorEvent.deleteMany({ where: { fingerprint: { startsWith: "page-" } } });
    }
  });

  it("resolves an error and opens it again", async () => {
    const id = (await db.prisma.errorEvent.findUniqueOrThrow({ where: { fingerprint: "system-1" } })).id;
    expect(await call("sentry.resolveIssue", { id })).toEqual({ id, status: "resolved" });
    expect((await call<List>("sentry.listIssues", {})).issues.map((i) => i.id)).not.toContain(id);
    expect(await call("sentry.resolveIssue", { id, status: "unresolved" })).toEqual({ id, status: "unresolved" });
    expect((await call<List>("sentry.listIssues", {})).issues.map((i) => i.id)).toContain(id);
  });

  it("is for administrators only", async () => {
    const staff: Actor = { type: "user", id: "staff-1", role: "staff" };
    await expect(call("sentry.listIssues", {}, { actor: staff })).rejects.toMatchObject({ code: 3006 });
    await expect(call("sentry.getIssue", { id: "x" }, { actor: staff })).rejects.toMatchObject({ code: 3006 });
  });
});

describe("health", () => {
  const run = () => sentryHealth.run(testContext(db.prisma, db.companyId));

  it("is 'not configured', not a failure, without token and organisation", async () => {
    expect(await run()).toMatchObject({ status: "not_configured", message: "Sentry ist nicht eingerichtet; die Fehleransicht zeigt das Protokoll der App." });
  });

  it("is down when Sentry refuses the token and healthy when it answers with a DSN set", async () => {
    useSentry({ token: "sntrys_wrong_token" });
    expect(await run()).toMatchObject({ status: "down", message: "Sentry lehnt das Zugriffs-Token ab." });
    restore!();
    restore = overrideEnv({ SENTRY_API_BASE_URL: sentry.apiUrl, SENTRY_AUTH_TOKEN: TOKEN, SENTRY_ORG: "salon-org", SENTRY_DSN: sentry.dsn });
    expect(await run()).toMatchObject({ status: "healthy" });
  });
});
