import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { offerDirectRoute, offerDirectRouteWithSegment, type DirectLane } from "./direct-lane";
import { flushWriteBehind } from "@/server/platform/write-behind";
import { createTestDb, type TestDb } from "@/server/testing/test-db";

const g = globalThis as unknown as { __askproDirectLane?: DirectLane; __askproDb?: Promise<unknown> };
const lane = () => g.__askproDirectLane!;
const post = (url: string, body = "") => new Request(`http://localhost${url}`, { method: "POST", body });
const echo = (label: string) => async (request: Request) => new Response(`${label} ${await request.text()}`);

beforeEach(() => {
  delete g.__askproDirectLane;
});

describe("direct lane", () => {
  it("knows nothing before a route offered itself", () => {
    offerDirectRoute("/api/a", echo("a"));
    delete g.__askproDirectLane;
    expect(g.__askproDirectLane).toBeUndefined();
    offerDirectRoute("/api/b", echo("b"));
    expect(lane().match("POST", "/api/a")).toBeNull();
  });

  it("answers POST to an offered path and leaves other methods and paths to Next", async () => {
    offerDirectRoute("/api/mcp/retell/webhook", echo("webhook"));
    const handler = lane().match("POST", "/api/mcp/retell/webhook");
    expect(await (await handler!(post("/api/mcp/retell/webhook", "x"))).text()).toBe("webhook x");
    for (const method of ["GET", "HEAD", "OPTIONS", "PUT"]) expect(lane().match(method, "/api/mcp/retell/webhook")).toBeNull();
    expect(lane().match("POST", "/api/mcp/retell/webhook/")).toBeNull();
    expect(lane().match("POST", "/api/mcp/retell")).toBeNull();
  });

  it("passes one decoded last segment to a segment route, like Next's params", async () => {
    offerDirectRouteWithSegment("/api/fn/", async (_request, name) => new Response(name));
    expect(await (await lane().match("POST", "/api/fn/check%20availability")!(post("/x"))).text()).toBe("check availability");
    expect(lane().match("POST", "/api/fn/")).toBeNull();
    expect(lane().match("POST", "/api/fn/a/b")).toBeNull();
    expect(lane().match("POST", "/api/fn/%E0%A4%A")).toBeNull();
    expect(() => offerDirectRouteWithSegment("/api/fn", async () => new Response())).toThrow(/ends with "\/"/);
  });

  it("an exact route wins over a segment route on the same path", async () => {
    offerDirectRouteWithSegment("/api/fn/", async () => new Response("segment"));
    offerDirectRoute("/api/fn/fixed", async () => new Response("exact"));
    expect(await (await lane().match("POST", "/api/fn/fixed")!(post("/x"))).text()).toBe("exact");
  });
});

describe("direct lane: a handler that throws", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    g.__askproDb = Promise.resolve({ prisma: db.prisma, pglite: db.pglite });
  });
  afterAll(async () => {
    delete g.__askproDb;
    await flushWriteBehind();
    // Closed here, so it never goes back to the worker's pool: while it was the process's database,
    // another file's late error report may have written to it (and may still try to).
    await db.pglite.close();
    await db.close();
  });

  it("answers a bare 500 and records the error under its route, as Next does", async () => {
    offerDirectRouteWithSegment("/api/fn/", async () => {
      throw new Error("Datenbank weg");
    });
    const res = await lane().match("POST", "/api/fn/book")!(post("/api/fn/book?company=x"));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "Interner Fehler." });
    await expect.poll(async () => {
      await flushWriteBehind();
      return db.prisma.errorEvent.findMany({ where: { culprit: { startsWith: "POST /api/fn/" } }, select: { culprit: true, title: true } });
    }).toEqual([{ culprit: "POST /api/fn/[segment]", title: "Error: Datenbank weg" }]);
  });
});

describe("route files on the direct lane", () => {
  /** Every app route file that offers itself, with the path its folder gives it. */
  function offeringRoutes(dir = "app"): { file: string; routePath: string; source: string }[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return offeringRoutes(file);
      if (entry.name !== "route.ts") return [];
      const source = fs.readFileSync(file, "utf8");
      if (!source.includes("offerDirectRoute")) return [];
      return [{ file, routePath: "/" + path.relative("app", dir).split(path.sep).filter((s) => !s.startsWith("(")).join("/"), source }];
    });
  }

  it("offer the path of their own folder, and a dynamic last folder as a segment route", () => {
    const routes = offeringRoutes();
    expect(routes.map((r) => r.routePath).sort()).toEqual([
      "/api/mcp",
      "/api/mcp/retell/custom-function",
      "/api/mcp/retell/custom-function/[name]",
      "/api/mcp/retell/webhook",
    ]);
    for (const { file, routePath, source } of routes) {
      const dynamic = routePath.match(/^(.*\/)\[[^\]/]+\]$/);
      const expected = dynamic ? `offerDirectRouteWithSegment("${dynamic[1]}"` : `offerDirectRoute("${routePath}"`;
      expect(source, file).toContain(expected);
    }
  });
});
