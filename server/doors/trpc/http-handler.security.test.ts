/**
 * The dashboard's tRPC endpoint refuses what another site could make a logged-in browser send:
 * form posts, mutations without this site's Origin, and oversized batches.
 */
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleTrpcRequest } from "@/server/doors/trpc/http-handler";
import { appRouter } from "@/server/doors/trpc/root";
import { createTRPCContext } from "@/server/doors/trpc/trpc";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { seedDemo } from "@/server/seed/demo";
import { sessionsOf } from "@/server/testing/trpc";
import { TRPC_MAX_BATCH_SIZE } from "./batch-limit";

let testDb: TestDb;
let admin: Session;

beforeAll(async () => {
  testDb = await createTestDb();
  ({ admin } = await sessionsOf(testDb.prisma, await seedDemo(testDb.prisma, { now: new Date("2026-03-10T08:00:00Z") })));
});
afterAll(async () => {
  await testDb?.close();
});

const SITE = "https://askpro.example";

function send(req: Request) {
  return handleTrpcRequest(req, {
    router: appRouter,
    siteOrigins: [SITE],
    createContext: () => createTRPCContext({ headers: req.headers, session: admin, services: { db: testDb.prisma } }),
  });
}

const knowledgeUpsert = (headers: Record<string, string>, body: BodyInit) =>
  new Request(`${SITE}/api/trpc/knowledge.upsert`, { method: "POST", headers, body });

const entry = JSON.stringify({ json: { title: "Fremd", content: "Von einer anderen Seite eingeschleust.", category: "faq" } });

describe("tRPC mutations come only as JSON from this site", () => {
  it("refuses a multipart form post, even from this site", async () => {
    const form = new FormData();
    form.set("title", "Fremd");
    const res = await send(new Request(`${SITE}/api/trpc/knowledge.upsert`, { method: "POST", headers: { origin: SITE }, body: form }));
    expect(res.status).toBe(415);
  });

  it.each([
    ["text/plain", { "content-type": "text/plain", origin: SITE }],
    ["urlencoded", { "content-type": "application/x-www-form-urlencoded", origin: SITE }],
  ])("refuses %s bodies", async (_label, headers) => {
    expect((await send(knowledgeUpsert(headers, entry))).status).toBe(415);
  });

  it("refuses JSON from another origin or without an Origin", async () => {
    expect((await send(knowledgeUpsert({ "content-type": "application/json", origin: "https://evil.example" }, entry))).status).toBe(403);
    expect((await send(knowledgeUpsert({ "content-type": "application/json" }, entry))).status).toBe(403);
    expect(await testDb.prisma.knowledgeEntry.count({ where: { title: "Fremd" } })).toBe(0);
  });

  it("caps batches", async () => {
    const paths = Array.from({ length: TRPC_MAX_BATCH_SIZE + 1 }, () => "dashboard.overview").join(",");
    const res = await send(new Request(`${SITE}/api/trpc/${paths}?batch=1&input=${encodeURIComponent("{}")}`));
    expect(res.status).toBe(400);
    const ok = Array.from({ length: 2 }, () => "dashboard.overview").join(",");
    expect((await send(new Request(`${SITE}/api/trpc/${ok}?batch=1&input=${encodeURIComponent("{}")}`))).status).toBe(200);
  });
});
