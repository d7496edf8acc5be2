import { describe, expect, it } from "vitest";
import { failure, RpcCodes, success, validateRequest } from "./protocol";

const NOT_AN_OBJECT = "Anfrage muss ein JSON-RPC-Objekt sein.";
const BAD_ID = "Die id muss ein String, eine Zahl oder null sein.";
const BAD_VERSION = 'Das Feld "jsonrpc" muss "2.0" sein.';
const BAD_METHOD = 'Das Feld "method" muss ein nicht leerer String sein.';
const BAD_PARAMS = 'Das Feld "params" muss ein Objekt oder Array sein.';

describe("validateRequest", () => {
  it("accepts a call and reads its method, params and id", () => {
    expect(validateRequest({ jsonrpc: "2.0", id: 7, method: "company.get", params: { a: 1 } })).toEqual({
      ok: true,
      method: "company.get",
      params: { a: 1 },
      id: 7,
      notification: false,
    });
  });

  it("treats a request without an id member as a notification, and one with id null as a call", () => {
    expect(validateRequest({ jsonrpc: "2.0", method: "company.get" })).toEqual({
      ok: true,
      method: "company.get",
      params: undefined,
      id: null,
      notification: true,
    });
    expect(validateRequest({ jsonrpc: "2.0", id: null, method: "company.get" })).toMatchObject({ ok: true, id: null, notification: false });
  });

  it("accepts string, integer, fractional, zero and null ids", () => {
    for (const id of ["", "abc", 0, -3, 2.5, null]) {
      expect(validateRequest({ jsonrpc: "2.0", id, method: "m" })).toMatchObject({ ok: true, id });
    }
  });

  it("accepts params as an object or an array and leaves them as they are", () => {
    const list = [1, 2];
    expect(validateRequest({ jsonrpc: "2.0", id: 1, method: "m", params: list })).toMatchObject({ ok: true, params: list });
    expect(validateRequest({ jsonrpc: "2.0", id: 1, method: "m", params: {} })).toMatchObject({ ok: true, params: {} });
  });

  it.each([
    ["null", null],
    ["a number", 42],
    ["a string", "company.get"],
    ["true", true],
    ["an array (a nested batch)", [{ jsonrpc: "2.0", id: 1, method: "company.get" }]],
  ])("refuses %s as the request, with id null", (_label, value) => {
    expect(validateRequest(value)).toEqual({ ok: false, id: null, message: NOT_AN_OBJECT });
  });

  it.each([
    ["an object", { a: 1 }],
    ["an array", [1]],
    ["a boolean", true],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
  ])("refuses %s as id, answering with id null", (_label, id) => {
    expect(validateRequest({ jsonrpc: "2.0", id, method: "company.get" })).toEqual({ ok: false, id: null, message: BAD_ID });
  });

  it.each([
    ["a missing jsonrpc", { id: 5, method: "m" }, BAD_VERSION],
    ["jsonrpc 1.0", { jsonrpc: "1.0", id: 5, method: "m" }, BAD_VERSION],
    ["jsonrpc as a number", { jsonrpc: 2, id: 5, method: "m" }, BAD_VERSION],
    ["a missing method", { jsonrpc: "2.0", id: 5 }, BAD_METHOD],
    ["a numeric method", { jsonrpc: "2.0", id: 5, method: 1 }, BAD_METHOD],
    ["an empty method name", { jsonrpc: "2.0", id: 5, method: "" }, BAD_METHOD],
    ['"params": null', { jsonrpc: "2.0", id: 5, method: "m", params: null }, BAD_PARAMS],
    ["string params", { jsonrpc: "2.0", id: 5, method: "m", params: "x" }, BAD_PARAMS],
    ["numeric params", { jsonrpc: "2.0", id: 5, method: "m", params: 0 }, BAD_PARAMS],
    ["boolean params", { jsonrpc: "2.0", id: 5, method: "m", params: false }, BAD_PARAMS],
  ])("refuses %s, keeping the readable id", (_label, value, message) => {
    expect(validateRequest(value)).toEqual({ ok: false, id: 5, message });
  });

  it("keeps the id of an invalid request that names none as null", () => {
    expect(validateRequest({ jsonrpc: "1.0", method: "m" })).toEqual({ ok: false, id: null, message: BAD_VERSION });
  });
});

describe("responses", () => {
  it("builds a result and an error envelope", () => {
    expect(success("a", { x: 1 })).toEqual({ jsonrpc: "2.0", id: "a", result: { x: 1 } });
    const error = { code: RpcCodes.INVALID_PARAMS, message: "Ungültige Parameter" };
    expect(failure(3, error)).toEqual({ jsonrpc: "2.0", id: 3, error });
  });

  it("uses the codes of the JSON-RPC 2.0 specification", () => {
    expect(RpcCodes).toEqual({
      PARSE_ERROR: -32700,
      INVALID_REQUEST: -32600,
      METHOD_NOT_FOUND: -32601,
      INVALID_PARAMS: -32602,
      INTERNAL_ERROR: -32603,
      UNAUTHORIZED: -32001,
    });
  });
});
