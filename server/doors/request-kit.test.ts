import { describe, expect, it } from "vitest";
import { CORRELATION_HEADER, correlationIdFrom, jsonResponse, parseJson } from "./request-kit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("correlation id", () => {
  it("keeps the caller's id from X-Request-ID, or from the MCP and dashboard header names", () => {
    expect(correlationIdFrom(new Headers({ "x-request-id": "req-4711" }))).toBe("req-4711");
    expect(correlationIdFrom(new Headers({ "x-mcp-request-id": "mcp:42" }))).toBe("mcp:42");
    expect(correlationIdFrom(new Headers({ "x-correlation-id": "dash.1" }))).toBe("dash.1");
  });

  it("prefers X-Request-ID when several are sent", () => {
    expect(correlationIdFrom(new Headers({ "x-correlation-id": "second", "x-request-id": "first" }))).toBe("first");
  });

  it("replaces a missing, unsafe or overlong id with a new UUID", () => {
    expect(correlationIdFrom(new Headers())).toMatch(UUID);
    expect(correlationIdFrom(new Headers({ "x-request-id": "a b<script>" }))).toMatch(UUID);
    expect(correlationIdFrom(new Headers({ "x-request-id": "x".repeat(129) }))).toMatch(UUID);
    expect(correlationIdFrom(new Headers({ "x-request-id": "x".repeat(128) }))).toBe("x".repeat(128));
  });
});

describe("JSON in and out", () => {
  it("parses JSON without throwing", () => {
    expect(parseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJson("{a:1}")).toEqual({ ok: false });
  });

  it("answers JSON that is never cached and carries the correlation id", async () => {
    const res = jsonResponse({ ok: true }, 201, "req-1", { "retry-after": "5" });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get(CORRELATION_HEADER)).toBe("req-1");
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toEqual({ ok: true });
    expect(jsonResponse({}, 200).headers.get(CORRELATION_HEADER)).toBeNull();
  });

  it("states the length in bytes, so small answers go out without gzip", async () => {
    const res = jsonResponse({ message: "Für Dienstag um 14:00 Uhr" }, 200);
    const bytes = new Uint8Array(await res.arrayBuffer()).byteLength;
    expect(bytes).toBeGreaterThan('{"message":"Für Dienstag um 14:00 Uhr"}'.length - 1);
    expect(res.headers.get("content-length")).toBe(String(bytes));
  });
});
