/**
 * A company's parameter schema cannot freeze the process: `pattern` runs on a linear-time
 * engine (RE2), patterns only a backtracking engine supports are refused with 4004, and a
 * schema has a size cap. Uploaded through the JSON-RPC gateway with an API token, used through
 * the signed Retell custom-function door.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCodes } from "@/server/core/errors";
import { handleCustomFunction } from "@/server/doors/retell/custom-function-door";
import { demoCall, FIXED_NOW, seededTestDb, signedRequest } from "@/server/testing/retell";
import { createRpcHandler } from "@/server/doors/jsonrpc/handler";
import { serveFetchHandler, type ServedHandler } from "@/server/testing/serve";
import { createApiToken } from "@/server/services/tokens";
import { forgetConfiguredFunctions } from "./configured-list";
import { MAX_SCHEMA_CHARS } from "./json-schema";

let db: Awaited<ReturnType<typeof seededTestDb>>;
let gateway: ServedHandler;
let token: string;

beforeAll(async () => {
  db = await seededTestDb();
  ({ token } = await createApiToken(db.prisma, { companyId: db.companyId, name: "Schemas", allowedServers: ["retell.config"] }));
  gateway = await serveFetchHandler(createRpcHandler({ db: db.prisma, now: () => FIXED_NOW }));
});
afterAll(async () => {
  await gateway.close();
  await db.close();
});

let nextId = 1;
async function rpc(method: string, params: object) {
  const started = performance.now();
  const res = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-mcp-token": token },
    body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
  });
  const body = (await res.json()) as { result?: { data: { function: { id: string } } }; error?: { code: number; message: string } };
  return { ...body, ms: performance.now() - started };
}

/** Saved switched off (nothing is pushed to Retell), then switched on for calls. */
async function upload(name: string, schema: object) {
  return rpc("retell.config.createCustomFunction", { name, type: "data_collection", parameter_schema: schema, enabled: false });
}

describe("company parameter schemas", () => {
  it("an exponential pattern is kept, and the worst input through the Retell door is answered in well under a second", async () => {
    const schema = {
      type: "object",
      properties: { kennung: { type: "string", pattern: "^(a+)+$" } },
      patternProperties: { "^(x+)+$": { type: "string", pattern: "^(b|bb)+$" } },
    };
    const created = await upload("kennung_erfassen", schema);
    expect(created.error).toBeUndefined();
    await db.prisma.retellCustomFunction.update({ where: { id: created.result!.data.function.id }, data: { isEnabled: true } });
    await forgetConfiguredFunctions(db.companyId);

    const hostile = { kennung: `${"a".repeat(40)}!`, [`${"x".repeat(40)}`]: `${"b".repeat(40)}!` };
    const started = performance.now();
    const res = await handleCustomFunction(
      signedRequest("http://localhost/api/mcp/retell/custom-function", { name: "kennung_erfassen", call: demoCall("call_redos"), args: hostile }),
      null,
      { db: db.prisma, now: () => FIXED_NOW },
    );
    const answer = (await res.json()) as { success: boolean; error_code?: number; message: string };
    expect(performance.now() - started).toBeLessThan(1000);
    expect(answer).toMatchObject({ success: false, error_code: ErrorCodes.SCHEMA_VALIDATION_FAILED });
    expect(answer.message).toContain("kennung");
  });

  it("patterns RE2 cannot run (backreferences, lookarounds) are refused with a German 4004", async () => {
    for (const pattern of ["^(a+)\\1$", "^(?=a)a+$", "(?<!x)y"]) {
      const r = await upload("muster_test", { type: "object", properties: { x: { type: "string", pattern } } });
      expect(r.error, pattern).toMatchObject({ code: ErrorCodes.SCHEMA_VALIDATION_FAILED });
      expect(r.error!.message, pattern).toContain("wird nicht unterstützt");
      expect(r.ms, pattern).toBeLessThan(1000);
    }
    const viaKeys = await upload("muster_schluessel", { type: "object", patternProperties: { "^(a)\\1": { type: "string" } } });
    expect(viaKeys.error).toMatchObject({ code: ErrorCodes.SCHEMA_VALIDATION_FAILED });
  });

  it("a schema over the size cap is refused with 4004 before it is compiled", async () => {
    const properties = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`feld_${i}`, { type: "string", description: "x".repeat(20) }]));
    expect(JSON.stringify(properties).length).toBeGreaterThan(MAX_SCHEMA_CHARS);
    const r = await upload("riesig", { type: "object", properties });
    expect(r.error).toMatchObject({ code: ErrorCodes.SCHEMA_VALIDATION_FAILED, message: "Das Parameter-Schema ist zu groß (höchstens 20.000 Zeichen)." });
    expect(await db.prisma.retellCustomFunction.count({ where: { name: "riesig" } })).toBe(0);
  });
});
