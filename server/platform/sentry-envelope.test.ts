/**
 * End to end with the real SDK: Sentry started with the app's own options and a DSN pointing
 * at the fake Sentry; an unexpected error inside a method arrives there (through the app's
 * error reporting) without its phone number, the user set on the scope or a name from the
 * extra data, and without any request contents.
 */
import * as Sentry from "@sentry/nextjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { callMethod } from "@/server/core/dispatch";
import { Registry } from "@/server/core/registry";
import { defineMethod, defineServer } from "@/server/core/types";
import { startFakeSentry, type FakeSentry } from "@/server/integrations/fakes/sentry-server";
import { PHONE_PLACEHOLDER, REDACTED } from "@/server/platform/error-scrub";
import { sentryServerOptions } from "@/server/platform/sentry-options";
import { flushWriteBehind } from "@/server/platform/write-behind";
import { overrideEnv } from "@/server/testing/retell";
import { createTestDb, type TestDb } from "@/server/testing/test-db";

let sentry: FakeSentry;
let db: TestDb;
let restore: () => void;

const failing = defineServer({
  name: "failing",
  version: "1.0.0",
  description: "Test server whose method fails unexpectedly.",
  methods: [
    defineMethod({
      name: "failing.call",
      description: "Fails with a phone number in its message.",
      params: z.object({}),
      result: z.object({}),
      kind: "read",
      handler: async () => {
        throw new Error("Rückruf an +49 30 123456 gescheitert");
      },
    }),
  ],
});

beforeAll(async () => {
  sentry = await startFakeSentry({ token: "unused", org: "org", project: { id: "1", slug: "askproai" } });
  db = await createTestDb();
  restore = overrideEnv({ SENTRY_DSN: sentry.dsn, SENTRY_ENVIRONMENT: "test" });
  Sentry.init(sentryServerOptions());
});
afterAll(async () => {
  await Sentry.close(2000);
  restore();
  await flushWriteBehind();
  await db.close();
  await sentry.close();
});

describe("Sentry with the app's options", () => {
  it("is enabled by a DSN", () => {
    expect(Sentry.isEnabled()).toBe(true);
  });

  it("receives a method's unexpected error scrubbed, tagged with the method and correlation id", async () => {
    Sentry.setUser({ id: "u1", email: "chef@salon.de" });
    Sentry.setExtra("args", { customer_name: "Erika Muster", date: "2026-12-01" });
    const door = { companyId: "company-1", actor: { type: "system" as const, id: null }, correlationId: "corr-e2e", db: db.prisma, registry: new Registry([failing]) };
    await expect(callMethod("failing.call", {}, door)).rejects.toThrow("+49 30 123456");
    await expect.poll(async () => (await Sentry.flush(500), sentry.state.receivedEvents.length), { timeout: 5000 }).toBe(1);

    const event = sentry.state.receivedEvents[0]! as {
      environment?: string;
      user?: unknown;
      tags?: Record<string, string>;
      extra?: Record<string, unknown>;
      exception: { values: Array<{ value: string }> };
    };
    expect(event.environment).toBe("test");
    expect(event.exception.values.at(-1)!.value).toBe(`Rückruf an ${PHONE_PLACEHOLDER} gescheitert`);
    expect(event.user).toBeUndefined();
    expect(event.tags).toMatchObject({ where: "failing.call", company_id: "company-1" });
    expect(event.extra).toMatchObject({ correlation_id: "corr-e2e", args: { customer_name: REDACTED, date: "2026-12-01" } });
    const raw = JSON.stringify(event);
    for (const secret of ["123456", "chef@salon.de", "Erika", "Muster"]) expect(raw).not.toContain(secret);
    // The envelope carried the DSN's key in its query, as Sentry's ingest expects.
    expect(sentry.state.requestsTo("POST", "/api/1/envelope/")[0]!.query.get("sentry_key")).toBe("fakekey");
  });
});
