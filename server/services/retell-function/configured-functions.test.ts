import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ServiceContext } from "@/server/core/types";
import { overrideEnv, seededTestDb, testContext } from "@/server/testing/retell";
import { DEMO_PHONE_NUMBER } from "@/server/seed/demo";
import { forgetConfiguredFunctions } from "./configured-list";
import { isPublicAddress } from "@/server/platform/outbound/address-policy";
import { sealHeaders } from "./sealed-headers";
import { executeFunction } from "./service";

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let db: Awaited<ReturnType<typeof seededTestDb>>;
let ctx: ServiceContext;
let server: http.Server;
let base: string;
const seen: Seen[] = [];
let restoreEnv: () => void;

beforeAll(async () => {
  db = await seededTestDb();
  ctx = testContext(db.prisma, db.companyId, { actor: { type: "retell", id: null } });
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const path = req.url!.split("?")[0];
      if (path === "/status") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: "Ihre Bestellung ist unterwegs.", eta: "morgen" }));
      } else if (path === "/text") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("Der Tisch ist reserviert.");
      } else if (path === "/slow") {
        setTimeout(() => res.end("{}"), 2_500).unref();
      } else if (path === "/big") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: "x".repeat(200_000) }));
      } else if (path === "/redirect") {
        res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" });
        res.end();
      } else if (path === "/broken") {
        res.writeHead(503);
        res.end();
      } else {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: "Diese Bestellnummer kenne ich nicht." }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.close();
});
beforeEach(() => {
  seen.length = 0;
});

const schema = { type: "object", properties: { bestellnummer: { type: "string", pattern: "^\\d{6}$" } }, required: ["bestellnummer"] };
let counter = 0;

async function defineFunction(path: string, extra: { method?: string; timeoutMs?: number } = {}) {
  const name = `extern_${++counter}`;
  await db.prisma.retellCustomFunction.create({
    data: {
      companyId: db.companyId,
      name,
      type: "external_api",
      url: `${base}${path}`,
      method: extra.method ?? "POST",
      headers: sealHeaders({ "X-Api-Key": "shop-secret-42" }, db.companyId),
      parameterSchema: schema,
      timeoutMs: extra.timeoutMs ?? 5000,
    },
  });
  await forgetConfiguredFunctions(db.companyId);
  return name;
}

const run = (name: string, args: Record<string, unknown>, callId = `call_${name}`) =>
  executeFunction(ctx, { function_name: name, parameters: args, call_context: { call_id: callId, from_number: "+4917612345678", to_number: DEMO_PHONE_NUMBER } });

describe("external_api with private addresses allowed (development)", () => {
  beforeAll(() => {
    restoreEnv = overrideEnv({ ALLOW_INSECURE_OUTBOUND_HTTP: true });
  });
  afterAll(() => restoreEnv());

  it("validates the args, calls the URL with method, decrypted headers and args, answers with its message and counts the use", async () => {
    const name = await defineFunction("/status");
    const answer = await run(name, { bestellnummer: "123456" });
    expect(answer).toMatchObject({ success: true, message: "Ihre Bestellung ist unterwegs.", data: { eta: "morgen" } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", body: JSON.stringify({ bestellnummer: "123456" }) });
    expect(seen[0].headers["x-api-key"]).toBe("shop-secret-42");
    expect(seen[0].headers["content-type"]).toBe("application/json");
    const row = await db.prisma.retellCustomFunction.findFirstOrThrow({ where: { name } });
    expect(row.usageCount).toBe(1);
    expect(row.lastUsedAt).toEqual(new Date("2026-03-11T09:00:00.000Z"));
  });

  it("sends GET arguments in the query and reads a text answer", async () => {
    const name = await defineFunction("/text", { method: "GET" });
    expect(await run(name, { bestellnummer: "654321" })).toMatchObject({ success: true, message: "Der Tisch ist reserviert." });
    expect(seen[0].url).toBe("/text?bestellnummer=654321");
  });

  it("refuses args that do not match the parameter schema without calling anything", async () => {
    const name = await defineFunction("/status");
    const answer = await run(name, { bestellnummer: "12" });
    expect(answer).toMatchObject({ success: false, error_code: 4004 });
    expect(answer.message).toContain("bestellnummer");
    expect(await run(name, {}, "call_missing")).toMatchObject({ success: false, message: "Die Angaben passen nicht: bestellnummer fehlt." });
    expect(seen).toHaveLength(0);
  });

  it("gives up after the function's timeout; the failure is not kept, so a retry calls again", async () => {
    const name = await defineFunction("/slow", { timeoutMs: 1000 });
    const started = Date.now();
    const answer = await run(name, { bestellnummer: "111111" });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(answer).toMatchObject({ success: false, error_code: 3008, message: "Der externe Dienst hat nicht rechtzeitig geantwortet." });
    await run(name, { bestellnummer: "111111" });
    expect(seen).toHaveLength(2);
  });

  it("caps the response size", async () => {
    const name = await defineFunction("/big");
    expect(await run(name, { bestellnummer: "222222" })).toMatchObject({ success: false, message: "Die Antwort des externen Dienstes ist zu groß." });
  });

  it("does not follow redirects", async () => {
    const name = await defineFunction("/redirect");
    expect(await run(name, { bestellnummer: "333333" })).toMatchObject({ success: false, error_code: 4005 });
    expect(seen).toHaveLength(1);
  });

  it("reads a refusal's message, and treats 5xx as a passing failure", async () => {
    const refused = await defineFunction("/unknown");
    expect(await run(refused, { bestellnummer: "444444" })).toMatchObject({ success: false, status_code: 404, message: "Diese Bestellnummer kenne ich nicht." });
    const broken = await defineFunction("/broken");
    expect(await run(broken, { bestellnummer: "555555" })).toMatchObject({ success: false, error_code: 3008 });
  });

  it("a retry of a successful call answers from the first run", async () => {
    const name = await defineFunction("/status");
    const first = await run(name, { bestellnummer: "777777" }, "call_retry_ext");
    const second = await run(name, { bestellnummer: "777777" }, "call_retry_ext");
    expect(second).toEqual(first);
    expect(seen).toHaveLength(1);
  });
});

describe("external_api in production: no private targets", () => {
  beforeAll(() => {
    restoreEnv = overrideEnv({ ALLOW_INSECURE_OUTBOUND_HTTP: false });
  });
  afterAll(() => restoreEnv());

  it("refuses loopback by IP and by name, private, link-local and mapped addresses, and calls nothing", async () => {
    for (const url of [
      `${base}/status`,
      `http://localhost:${new URL(base).port}/status`,
      "http://10.1.2.3/x",
      "http://192.168.0.10/x",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]/x",
      "http://[::ffff:127.0.0.1]/x",
      "ftp://example.com/x",
    ]) {
      const name = `privat_${++counter}`;
      await db.prisma.retellCustomFunction.create({
        data: { companyId: db.companyId, name, type: "external_api", url, parameterSchema: schema },
      });
      await forgetConfiguredFunctions(db.companyId);
      expect(await run(name, { bestellnummer: "123456" })).toMatchObject({ success: false, error_code: 3006, message: "Die Adresse dieser Funktion ist nicht erlaubt." });
    }
    expect(seen).toHaveLength(0);
  });

  it("classifies addresses", () => {
    for (const blocked of ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "::ffff:7f00:1", "64:ff9b::a00:1", "224.0.0.1"]) {
      expect(isPublicAddress(blocked), blocked).toBe(false);
    }
    for (const open of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isPublicAddress(open), open).toBe(true);
    }
  });
});

describe("data_collection and global functions", () => {
  it("keeps validated data with the call", async () => {
    await db.prisma.retellCustomFunction.create({
      data: { companyId: db.companyId, name: "allergien", type: "data_collection", parameterSchema: { type: "object", properties: { allergie: { type: "string" } }, required: ["allergie"] } },
    });
    await forgetConfiguredFunctions(db.companyId);
    expect(await run("allergien", { allergie: "Nickel" }, "call_data")).toMatchObject({ success: true, message: "Danke, ich habe die Angaben notiert." });
    const call = await db.prisma.call.findFirstOrThrow({ where: { companyId: db.companyId, retellCallId: "call_data" } });
    expect(call.collectedData).toMatchObject({ custom: { allergien: { allergie: "Nickel" } } });
  });

  it("runs a global function for every company", async () => {
    await db.prisma.retellCustomFunction.create({
      data: { name: "umfrage", type: "data_collection", isGlobal: true, parameterSchema: { type: "object" } },
    });
    await forgetConfiguredFunctions(db.companyId);
    expect(await run("umfrage", { note: "5" }, "call_global")).toMatchObject({ success: true });
  });
});
