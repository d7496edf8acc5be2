/**
 * The outbound guard judges every address a name resolves to, and connects to the address it
 * judged: a name answered once with a public address cannot be re-resolved to an internal one
 * (DNS rebinding). DNS answers are scripted; the listener is real.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { overrideEnv } from "@/server/testing/retell";

const answers = vi.hoisted(() => ({ queue: [] as Array<Array<{ address: string; family: number }>>, asked: [] as string[] }));
vi.mock("node:dns/promises", () => ({
  lookup: async (host: string) => {
    answers.asked.push(host);
    return answers.queue.shift() ?? [];
  },
}));

// The test setup loads the whole app (server/testing/setup.ts): import the guard afresh so it sees the scripted DNS.
vi.resetModules();
const { guardedFetch } = await import("./guard");

let server: http.Server;
let port: number;
const seen: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(`${req.headers.host} ${req.url}`);
    res.setHeader("content-type", "application/json");
    res.end('{"status":"success","data":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  answers.queue.length = 0;
  answers.asked.length = 0;
  seen.length = 0;
});

describe("DNS answers", () => {
  it("one internal address among public ones is enough to refuse, and nothing is sent", async () => {
    const restore = overrideEnv({ ALLOW_INSECURE_OUTBOUND_HTTP: false });
    try {
      answers.queue.push([
        { address: "93.184.216.34", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ]);
      await expect(guardedFetch("calcom", 1024)(`https://cal.example.test:${port}/v2/event-types`)).rejects.toMatchObject({
        message: "Diese Cal.com-Adresse ist nicht erlaubt: sie zeigt auf ein internes Netz.",
      });
      answers.queue.push([{ address: "::ffff:7f00:1", family: 6 }]);
      await expect(guardedFetch("function", 1024)(`https://shop.example.test:${port}/x`)).rejects.toMatchObject({ message: "Die Adresse dieser Funktion ist nicht erlaubt." });
      expect(seen).toEqual([]);
    } finally {
      restore();
    }
  });

  it("the connection goes to the address that was checked; the name is not looked up a second time", async () => {
    // The development setting lets the checked address be 127.0.0.1, where the listener is.
    answers.queue.push([{ address: "127.0.0.1", family: 4 }], [{ address: "10.9.9.9", family: 4 }]);
    const res = await guardedFetch("calcom", 1024)(`http://cal.example.test:${port}/v2/event-types`, { headers: { authorization: "Bearer k" } });
    expect(res.status).toBe(200);
    expect(answers.asked).toEqual(["cal.example.test"]);
    expect(seen).toEqual([`cal.example.test:${port} /v2/event-types`]);
  });
});
