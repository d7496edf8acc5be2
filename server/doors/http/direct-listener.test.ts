import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { offerDirectRoute, offerDirectRouteWithSegment } from "@/server/doors/direct-lane";
import { readBodyWithin } from "@/server/doors/request-kit";
import { directListener } from "./direct-listener.mjs";

const g = globalThis as unknown as { __askproDirectLane?: unknown };
const securityHeader = { key: "x-frame-options", value: "DENY" };
let server: http.Server;
let base: string;

beforeAll(async () => {
  // Next stands in as a handler that names itself.
  const next = (req: http.IncomingMessage, res: http.ServerResponse) => void res.end(`next ${req.method} ${req.url}`);
  server = http.createServer(directListener(next, { headers: [securityHeader] }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  delete g.__askproDirectLane;
});
beforeEach(() => {
  delete g.__askproDirectLane;
});

/** A POST with node:http, which shows the framing headers as sent. */
function rawPost(pathname: string): Promise<{ headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${pathname}`, { method: "POST" }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => resolve({ headers: res.headers, body }));
    });
    req.on("error", reject).end();
  });
}

describe("the production server's request listener", () => {
  it("leaves everything to Next while no route has offered itself", async () => {
    const res = await fetch(`${base}/api/mcp/retell/webhook`, { method: "POST", body: "{}" });
    expect(await res.text()).toBe("next POST /api/mcp/retell/webhook");
  });

  it("answers an offered POST itself: URL, query, headers and body reach the handler, its answer the caller", async () => {
    offerDirectRouteWithSegment("/api/fn/", async (request, name) => {
      const url = new URL(request.url);
      const body = { name, query: url.searchParams.get("call_id"), host: url.host, probe: request.headers.get("x-probe"), body: await request.text() };
      return Response.json(body, { status: 201, headers: [["set-cookie", "a=1"], ["set-cookie", "b=2"], ["x-frame-options", "SAMEORIGIN"]] });
    });
    const res = await fetch(`${base}/api/fn/book_appointment?call_id=c1`, { method: "POST", headers: { "x-probe": "p" }, body: '{"x":1}' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: "book_appointment", query: "c1", host: new URL(base).host, probe: "p", body: '{"x":1}' });
    expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    // The handler's own header wins over the server-wide one, as with next.config.js headers.
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  it("sends a JSON answer whole with its length, and streams any other answer", async () => {
    offerDirectRoute("/api/json", async () => Response.json({ verfügbar: true }));
    offerDirectRoute("/api/stream", async () => new Response(new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("a")), c.close()) })));
    const json = await rawPost("/api/json");
    expect(json.headers["content-length"]).toBe(String(Buffer.byteLength('{"verfügbar":true}')));
    expect(json.headers["transfer-encoding"]).toBeUndefined();
    expect(JSON.parse(json.body)).toEqual({ verfügbar: true });
    const stream = await rawPost("/api/stream");
    expect(stream.headers["transfer-encoding"]).toBe("chunked");
    expect(stream.body).toBe("a");
  });

  it("adds the server-wide headers to the lane's answers, and other methods and paths still go to Next", async () => {
    offerDirectRoute("/api/hook", async () => new Response("lane"));
    const res = await fetch(`${base}/api/hook?x=1`, { method: "POST" });
    expect(await res.text()).toBe("lane");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(await (await fetch(`${base}/api/hook`)).text()).toBe("next GET /api/hook");
    expect(await (await fetch(`${base}/api/other`, { method: "POST" })).text()).toBe("next POST /api/other");
  });

  it("streams the body: a handler stops reading at its limit and answers 413 without holding the rest", async () => {
    let received = 0;
    offerDirectRoute("/api/hook", async (request) => {
      const read = await readBodyWithin(request, 64 * 1024);
      received = read.ok ? read.text.length : -1;
      return new Response(null, { status: read.ok ? 200 : 413 });
    });
    const big = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new Uint8Array(16 * 1024).fill(97));
      },
    });
    const res = await fetch(`${base}/api/hook`, { method: "POST", body: big, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    expect(received).toBe(-1);
    const small = await fetch(`${base}/api/hook`, { method: "POST", body: "a".repeat(1000) });
    expect(small.status).toBe(200);
    expect(received).toBe(1000);
  });
});
