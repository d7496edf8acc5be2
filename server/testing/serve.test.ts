import { describe, expect, it } from "vitest";
import { serveFetchHandler } from "./serve";

describe("serveFetchHandler", () => {
  it("passes method, path, headers and body through and streams the answer back", async () => {
    const served = await serveFetchHandler(async (req) => {
      const body = await req.text();
      const stream = new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(`${req.method} ${new URL(req.url).pathname}?${new URL(req.url).searchParams} `));
          c.enqueue(new TextEncoder().encode(`${req.headers.get("x-probe")} ${body}`));
          c.close();
        },
      });
      return new Response(stream, { status: 201, headers: { "x-answer": "ja" } });
    });
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${served.url}/a/b?x=1`, { method: "PUT", headers: { "x-probe": "p" }, body: "hallo" });
      expect(res.status).toBe(201);
      expect(res.headers.get("x-answer")).toBe("ja");
      expect(await res.text()).toBe("PUT /a/b?x=1 p hallo");
    } finally {
      await served.close();
    }
  });

  it("answers a bare 500 when the handler throws: the message stays in the server's log", async () => {
    const served = await serveFetchHandler(async () => {
      throw new Error("kaputt");
    });
    try {
      const res = await fetch(served.url);
      expect(res.status).toBe(500);
      expect(await res.text()).toBe("Internal Server Error");
    } finally {
      await served.close();
    }
  });
});
