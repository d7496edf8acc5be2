/** A recording link reaches the dashboard only as https: a webhook's javascript: or http: link is dropped. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { callMethod } from "@/server/core/dispatch";
import { createOtherCompany, type Tenant } from "@/server/testing/tenants";

let db: TestDb;
let tenant: Tenant;

beforeAll(async () => {
  db = await createTestDb();
  tenant = await createOtherCompany(db.prisma);
});
afterAll(async () => {
  await db.close();
});

const asAdmin = () => ({ companyId: tenant.companyId, actor: { type: "user" as const, id: "u", role: "admin" as const }, correlationId: "c", db: db.prisma });

describe("recording_url", () => {
  it.each([
    ["javascript:alert(document.cookie)", null],
    ["data:text/html,<script>alert(1)</script>", null],
    ["http://recordings.example/call.wav", null],
    ["https://user:pw@recordings.example/call.wav", null],
    ["https://recordings.example/call.wav", "https://recordings.example/call.wav"],
  ])("stored as %j is shown as %j", async (stored, shown) => {
    const call = await db.prisma.call.create({ data: { companyId: tenant.companyId, retellCallId: `call_${Math.random()}`, recordingUrl: stored } });
    const { data } = await callMethod("webhook.getCall", { call_id: call.id }, asAdmin());
    expect((data as { call: { recording_url: string | null } }).call.recording_url).toBe(shown);
    const list = (await callMethod("webhook.listCalls", {}, asAdmin())).data as { calls: Array<{ id: string; recording_url: string | null }> };
    expect(list.calls.find((c) => c.id === call.id)?.recording_url).toBe(shown);
  });
});
