/**
 * Company-configured URLs cannot reach the server's own machine or network: the Cal.com base
 * URL once sent `Authorization: Bearer <key>` to a listener on 127.0.0.1 through
 * calcom.updateConnection and calcom.testConnection. Here a real local listener must receive
 * nothing, through the real tRPC doors.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Session } from "next-auth";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "@/server/doors/trpc/root";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { encryptSecret } from "@/server/platform/crypto";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { ErrorCodes } from "@/server/core/errors";
import { overrideEnv } from "@/server/testing/retell";
import { seedDemo } from "@/server/seed/demo";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";
import { isPublicAddress } from "./address-policy";
import { checkOutboundUrl, resolvePublic } from "./guard";

const NOW = new Date("2026-03-10T08:00:00Z");
const KEY = "cal_live_secret_0123456789";
let testDb: TestDb;
let companyId: string;
let admin: Session;

interface Listener {
  port: number;
  seen: Array<{ url: string; authorization?: string }>;
  close(): Promise<void>;
}

/** A real HTTP listener on 127.0.0.1 that records every request it gets. */
async function listen(answer: (res: http.ServerResponse) => void = (res) => res.end('{"status":"success","data":[]}')): Promise<Listener> {
  const seen: Listener["seen"] = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? "", authorization: req.headers.authorization });
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const call = (path: string, input?: unknown, mutation = true) =>
  callTrpc(appRouter, path, admin, input, { db: testDb.prisma, mutation, now: () => NOW });

beforeAll(async () => {
  testDb = await createTestDb();
  companyId = await seedDemo(testDb.prisma, { now: NOW });
  ({ admin } = await sessionsOf(testDb.prisma, companyId));
});
beforeEach(() => setCache(new MemoryCache()));
afterAll(async () => {
  await testDb?.close();
});

describe("address ranges", () => {
  it("refuses loopback, private, link-local, mapped, translated, NAT64, 6to4, Teredo, site-local and other special addresses", () => {
    for (const address of [
      "127.0.0.1", "127.8.9.10", "0.0.0.0", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
      "192.0.2.1", "198.18.0.1", "224.0.0.1", "255.255.255.255", "240.0.0.1",
      "::", "::1", "::7f00:1", "::127.0.0.1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "::ffff:0:127.0.0.1",
      "::ffff:0:10.0.0.1", "64:ff9b::7f00:1", "64:ff9b:1::a00:1", "64:ff9b:1:ffff::1", "2002:7f00:1::1", "2002::1", "2001::1",
      "2001:db8::1", "fec0::1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "100::1",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it("lets public addresses through", () => {
    for (const address of ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });
});

describe("in production (no operator setting for development)", () => {
  let restore: () => void;
  beforeAll(() => {
    restore = overrideEnv({ ALLOW_INSECURE_OUTBOUND_HTTP: false });
  });
  afterAll(() => restore());

  it("refuses plain http, local names, credentials and literal internal addresses before any network", () => {
    for (const url of [
      "http://api.cal.com/v2",
      "https://localhost/v2",
      "https://LOCALHOST:8443/v2",
      "https://calendar.localhost/v2",
      "https://intranet/v2",
      "https://127.0.0.1/v2",
      "https://127.1/v2",
      "https://0x7f000001/v2",
      "https://[::1]/v2",
      "https://[::7f00:1]/v2",
      "https://[::ffff:127.0.0.1]/v2",
      "https://[::ffff:0:10.0.0.1]/v2",
      "https://[64:ff9b:1::a00:1]/v2",
      "https://[2002:7f00:1::1]/v2",
      "https://[fec0::1]/v2",
      "https://169.254.169.254/latest",
      "https://user:pw@api.cal.com/v2",
      "file:///etc/passwd",
    ]) {
      expect(() => checkOutboundUrl(url, "calcom"), url).toThrow(/nicht erlaubt/);
    }
    expect(checkOutboundUrl("https://api.cal.com/v2", "calcom").host).toBe("api.cal.com");
  });

  it("refuses a name whose DNS answer is internal", async () => {
    await expect(resolvePublic("localhost", "calcom")).rejects.toMatchObject({ code: ErrorCodes.INVALID_INPUT, message: expect.stringMatching(/internes Netz/) });
  });

  it("calcom.updateConnection refuses a local Cal.com address; the listener gets nothing", async () => {
    const listener = await listen();
    try {
      for (const baseUrl of [
        `http://127.0.0.1:${listener.port}/v2`,
        `https://127.0.0.1:${listener.port}/v2`,
        `https://localhost:${listener.port}/v2`,
        `https://[::ffff:7f00:1]:${listener.port}/v2`,
      ]) {
        const saved = await call("calcom.updateConnection", { provider: "calcom", base_url: baseUrl, api_key: KEY });
        expect(saved.error, baseUrl).toMatchObject({ message: expect.stringMatching(/^Diese Cal\.com-Adresse ist nicht erlaubt/) });
      }
      const stored = await testDb.prisma.calendarConnection.findUnique({ where: { companyId } });
      expect({ provider: stored?.provider ?? "local", baseUrl: stored?.baseUrl ?? null }).toEqual({ provider: "local", baseUrl: null });
      expect(listener.seen).toEqual([]);
    } finally {
      await listener.close();
    }
  });

  it("calcom.testConnection with a local address already stored sends nothing, no Authorization header anywhere", async () => {
    const listener = await listen();
    try {
      const data = { provider: "calcom" as const, baseUrl: `http://127.0.0.1:${listener.port}/v2`, apiKeyEnc: encryptSecret(KEY) };
      await testDb.prisma.calendarConnection.upsert({ where: { companyId }, create: { companyId, ...data }, update: data });
      const tested = await call("calcom.testConnection", {});
      expect(tested.data).toMatchObject({ provider: "calcom", ok: false, message: expect.stringMatching(/nicht erlaubt/) });
      expect(listener.seen).toEqual([]);
    } finally {
      await testDb.prisma.calendarConnection.deleteMany({ where: { companyId } });
      await listener.close();
    }
  });
});

describe("with the development setting", () => {
  afterEach(() => testDb.prisma.calendarConnection.deleteMany({ where: { companyId } }));

  it("redirects are not followed: the redirect target receives nothing", async () => {
    const target = await listen();
    const redirecting = await listen((res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${target.port}/v2/event-types` });
      res.end();
    });
    try {
      const saved = await call("calcom.updateConnection", { provider: "calcom", base_url: `http://127.0.0.1:${redirecting.port}/v2`, api_key: KEY });
      expect(saved.status).toBe(200);
      const tested = await call("calcom.testConnection", {});
      expect(tested.data).toMatchObject({ ok: false, message: expect.stringMatching(/Weiterleitungen werden nicht befolgt/) });
      expect(redirecting.seen).toHaveLength(1);
      expect(target.seen).toEqual([]);
    } finally {
      await Promise.all([target.close(), redirecting.close()]);
    }
  });

  it("an operator allow-list of Cal.com hosts is enforced", async () => {
    const restore = overrideEnv({ CALCOM_ALLOWED_HOSTS: "api.cal.com,cal.salon.example" });
    try {
      const refused = await call("calcom.updateConnection", { provider: "calcom", base_url: "https://cal.evil.example/v2", api_key: KEY });
      expect(refused.error?.message).toBe("Diese Cal.com-Adresse ist nicht erlaubt: dieser Host ist vom Betreiber nicht freigegeben.");
      expect((await call("calcom.updateConnection", { provider: "calcom", base_url: "https://cal.salon.example/v2", api_key: KEY })).status).toBe(200);
    } finally {
      restore();
    }
  });
});
