/**
 * The SMS callback doors over real HTTP, fed by the fake Twilio and seven.io: delivery reports
 * move a message to delivered or failed, a wrong signature changes nothing (403), a repeated
 * report is harmless, and a STOP reply ends SMS to that customer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeSeven, type FakeSeven } from "@/server/integrations/fakes/seven-server";
import { startFakeTwilio, type FakeTwilio } from "@/server/integrations/fakes/twilio-server";
import { twilioSignature } from "@/server/integrations/sms/twilio-signature";
import { logger } from "@/server/platform/logger";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { sealCredentials, type StoredCredentials } from "@/server/services/messaging/credentials";
import { sendSms } from "@/server/services/messaging/sms";
import type { CallbackDeps } from "@/server/services/messaging/status-callbacks";
import { overrideEnv } from "@/server/testing/retell";
import { serveFetchHandler, type ServedHandler } from "@/server/testing/serve";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { sevenStatusDoor, twilioInboundDoor, twilioStatusDoor } from "./status-door";

const TWILIO = { accountSid: `AC${"2".repeat(32)}`, authToken: "abcdef0123456789abcdef0123456789" };
const SEVEN_KEY = "seven_door_key_0123456789";
const SECRET = "seven-signing-secret";

let db: TestDb;
let app: ServedHandler;
let twilio: FakeTwilio;
let seven: FakeSeven;
let restoreEnv: () => void;
let twilioCompany: { id: string; slug: string };
let sevenCompany: { id: string; slug: string };
let clock = new Date("2026-03-11T09:00:00Z");

beforeAll(async () => {
  db = await createTestDb();
  const deps: CallbackDeps = { db: db.prisma, now: () => clock, log: logger };
  app = await serveFetchHandler(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === "/api/sms/twilio/status") return twilioStatusDoor(request, deps);
    if (pathname === "/api/sms/twilio/inbound") return twilioInboundDoor(request, deps);
    if (pathname === "/api/sms/seven/status") return sevenStatusDoor(request, deps);
    return new Response("not found", { status: 404 });
  });
  twilio = await startFakeTwilio({ accounts: [TWILIO] });
  seven = await startFakeSeven({ apiKeys: [SEVEN_KEY], dlrUrl: `${app.url}/api/sms/seven/status`, signingSecret: SECRET });
  restoreEnv = overrideEnv({ APP_URL: app.url, SMS_TWILIO_BASE_URL: twilio.url, SMS_SEVEN_BASE_URL: seven.url });
  twilioCompany = await db.prisma.company.create({ data: { slug: "salon-twilio", name: "Salon Twilio" } });
  sevenCompany = await db.prisma.company.create({ data: { slug: "salon-seven", name: "Salon Seven" } });
  await configure(twilioCompany.id, { provider: "twilio", ...TWILIO });
  await configure(sevenCompany.id, { provider: "seven", apiKey: SEVEN_KEY, signingSecret: SECRET });
});
afterAll(async () => {
  restoreEnv();
  await twilio.close();
  await seven.close();
  await app.close();
  await db.close();
});
beforeEach(() => {
  resetCircuits();
  configureResilience("sms", { initialDelayMs: 1, maxDelayMs: 2 });
  clock = new Date();
});

async function configure(companyId: string, credentials: StoredCredentials) {
  const data = { smsProvider: credentials.provider, smsCredentialsEnc: sealCredentials(companyId, credentials), smsSender: "Salon" };
  await db.prisma.messagingSettings.upsert({ where: { companyId }, create: { companyId, ...data }, update: data });
}

/** A confirmation SMS sent through the company's provider, as the delivery job sends it. */
async function sent(companyId: string, to: string) {
  const message = await db.prisma.message.create({ data: { companyId, channel: "sms", kind: "confirmation", to, body: "Ihr Termin ist bestätigt." } });
  const result = await sendSms(db.prisma, companyId, { to, text: message.body, messageId: message.id });
  await db.prisma.message.update({ where: { id: message.id }, data: { state: "sent", sentAt: clock } });
  return { id: message.id, providerMessageId: result.providerMessageId };
}

const messageRow = (id: string) => db.prisma.message.findUniqueOrThrow({ where: { id } });

describe("Twilio status callbacks", () => {
  it("a delivered report marks the message delivered with the time", async () => {
    const message = await sent(twilioCompany.id, "+4915112345678");
    expect(await twilio.sendStatusCallback(message.providerMessageId, "sent")).toBe(200);
    expect((await messageRow(message.id)).state).toBe("sent");

    expect(await twilio.sendStatusCallback(message.providerMessageId, "delivered")).toBe(200);

    const row = await messageRow(message.id);
    expect(row.state).toBe("delivered");
    expect(row.deliveredAt).toEqual(clock);
    expect(row.error).toBeNull();
  });

  it("an undelivered report marks it failed with Twilio's error code as German reason", async () => {
    const message = await sent(twilioCompany.id, "+4915112349999");
    expect(await twilio.sendStatusCallback(message.providerMessageId, "undelivered")).toBe(200);

    const row = await messageRow(message.id);
    expect(row.state).toBe("failed");
    expect(row.error).toBe("Die Rufnummer ist unbekannt oder nicht mehr vergeben (Twilio-Fehler 30005)");
    expect(row.deliveredAt).toBeNull();
  });

  it("refuses a report signed with another token, or with a changed body, and changes nothing", async () => {
    const message = await sent(twilioCompany.id, "+4915112345679");
    expect(await twilio.sendStatusCallback(message.providerMessageId, "delivered", { authToken: "ffffffffffffffffffffffffffffffff" })).toBe(403);

    const url = `${app.url}/api/sms/twilio/status`;
    const signedAsSent = twilioSignature(TWILIO.authToken, url, { AccountSid: TWILIO.accountSid, MessageSid: message.providerMessageId, MessageStatus: "sent" });
    const tampered = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signedAsSent },
      body: new URLSearchParams({ AccountSid: TWILIO.accountSid, MessageSid: message.providerMessageId, MessageStatus: "delivered" }).toString(),
    });
    expect(tampered.status).toBe(403);
    const unsigned = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ MessageSid: message.providerMessageId, MessageStatus: "delivered" }).toString(),
    });
    expect(unsigned.status).toBe(403);

    const row = await messageRow(message.id);
    expect(row.state).toBe("sent");
    expect(row.deliveredAt).toBeNull();
  });

  it("a report for a message we do not know is refused like a bad signature", async () => {
    const url = `${app.url}/api/sms/twilio/status`;
    const params = { AccountSid: TWILIO.accountSid, MessageSid: `SM${"0".repeat(32)}`, MessageStatus: "delivered" };
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilioSignature(TWILIO.authToken, url, params) },
      body: new URLSearchParams(params).toString(),
    });
    expect(response.status).toBe(403);
  });

  it("a replayed report changes nothing, and a final state stays final", async () => {
    const message = await sent(twilioCompany.id, "+4915112345680");
    await twilio.sendStatusCallback(message.providerMessageId, "delivered");
    const first = await messageRow(message.id);

    clock = new Date(clock.getTime() + 60_000);
    expect(await twilio.sendStatusCallback(message.providerMessageId, "delivered")).toBe(200);
    expect(await twilio.sendStatusCallback(message.providerMessageId, "undelivered", { errorCode: "30003" })).toBe(200);
    expect(await twilio.sendStatusCallback(message.providerMessageId, "sent")).toBe(200);

    const row = await messageRow(message.id);
    expect(row.state).toBe("delivered");
    expect(row.deliveredAt).toEqual(first.deliveredAt);
    expect(row.error).toBeNull();
    expect(twilio.state.callbacks.at(-3)?.status).toBe(200);
  });

  it("with automatic callbacks the fake reports sent and then delivered by itself", async () => {
    const auto = await startFakeTwilio({ accounts: [TWILIO], autoCallbackMs: 20 });
    const restore = overrideEnv({ SMS_TWILIO_BASE_URL: auto.url });
    try {
      const message = await sent(twilioCompany.id, "+4915112345681");
      await expect.poll(async () => (await messageRow(message.id)).state, { timeout: 5_000 }).toBe("delivered");
      await expect.poll(() => auto.state.callbacks.map((c) => [c.params.MessageStatus, c.status]), { timeout: 5_000 }).toEqual([
        ["sent", 200],
        ["delivered", 200],
      ]);
    } finally {
      restore();
      await auto.close();
    }
  });
});

describe("Twilio replies: STOP", () => {
  const inboundUrl = () => `${app.url}/api/sms/twilio/inbound?company=${twilioCompany.slug}`;

  it("STOP sets the customer's SMS opt-out, START lifts it; another company's customer with that number is untouched", async () => {
    const customer = await db.prisma.customer.create({ data: { companyId: twilioCompany.id, phone: "+4917611112222", name: "Erika Muster" } });
    const stranger = await db.prisma.customer.create({ data: { companyId: sevenCompany.id, phone: "+4917611112222", name: "Erika Muster" } });

    const status = await twilio.sendInbound(inboundUrl(), { from: "+4917611112222", to: "+4930123456", body: " Stop ", account: TWILIO });
    expect(status).toBe(200);
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).smsOptOut).toBe(true);
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: stranger.id } })).smsOptOut).toBe(false);

    await twilio.sendInbound(inboundUrl(), { from: "+4917611112222", to: "+4930123456", body: "START", account: TWILIO });
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).smsOptOut).toBe(false);
  });

  it("answers Twilio with empty TwiML and ignores other replies", async () => {
    const customer = await db.prisma.customer.create({ data: { companyId: twilioCompany.id, phone: "+4917633334444", name: "Max" } });
    await twilio.sendInbound(inboundUrl(), { from: customer.phone, to: "+4930123456", body: "Danke, bis Freitag!", account: TWILIO });
    expect(twilio.state.callbacks.at(-1)?.status).toBe(200);
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).smsOptOut).toBe(false);
  });

  it("a STOP with a wrong signature or for another company's slug changes nothing", async () => {
    const customer = await db.prisma.customer.create({ data: { companyId: twilioCompany.id, phone: "+4917655556666", name: "Mia" } });
    const wrongToken = { ...TWILIO, authToken: "0000000000000000ffffffffffffffff" };
    expect(await twilio.sendInbound(inboundUrl(), { from: customer.phone, to: "+4930123456", body: "STOP", account: wrongToken })).toBe(403);
    const otherSlug = `${app.url}/api/sms/twilio/inbound?company=${sevenCompany.slug}`;
    expect(await twilio.sendInbound(otherSlug, { from: customer.phone, to: "+4930123456", body: "STOP", account: TWILIO })).toBe(403);
    expect((await db.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).smsOptOut).toBe(false);
  });
});

describe("seven.io delivery reports", () => {
  it("a signed DELIVERED report marks the message delivered; NOTDELIVERED marks it failed", async () => {
    const ok = await sent(sevenCompany.id, "+4917612345678");
    const lost = await sent(sevenCompany.id, "+4917612349999");
    expect(await seven.sendDeliveryReport(ok.providerMessageId, "DELIVERED")).toBe(200);
    expect(await seven.sendDeliveryReport(lost.providerMessageId, "NOTDELIVERED")).toBe(200);

    expect(await messageRow(ok.id)).toMatchObject({ state: "delivered", deliveredAt: clock });
    expect(await messageRow(lost.id)).toMatchObject({ state: "failed", error: "Nicht zugestellt (seven.io NOTDELIVERED)" });
  });

  it("with a signing secret stored, an unsigned, wrongly signed or stale report is refused and changes nothing", async () => {
    const message = await sent(sevenCompany.id, "+4917612345677");
    expect(await seven.sendDeliveryReport(message.providerMessageId, "DELIVERED", { signingSecret: null })).toBe(403);
    expect(await seven.sendDeliveryReport(message.providerMessageId, "DELIVERED", { signingSecret: "another-secret" })).toBe(403);
    const stale = Math.floor(clock.getTime() / 1000) - 3600;
    expect(await seven.sendDeliveryReport(message.providerMessageId, "DELIVERED", { timestamp: stale })).toBe(403);
    expect((await messageRow(message.id)).state).toBe("sent");
  });

  it("without a signing secret, seven's unsigned reports are taken", async () => {
    const company = await db.prisma.company.create({ data: { slug: "salon-seven-offen", name: "Salon Seven offen" } });
    await configure(company.id, { provider: "seven", apiKey: SEVEN_KEY, signingSecret: null });
    const message = await sent(company.id, "+4917612345676");
    expect(await seven.sendDeliveryReport(message.providerMessageId, "DELIVERED", { signingSecret: null })).toBe(200);
    expect((await messageRow(message.id)).state).toBe("delivered");
  });

  it("a replayed report is acknowledged without changing the message again", async () => {
    const message = await sent(sevenCompany.id, "+4917612345675");
    await seven.sendDeliveryReport(message.providerMessageId, "DELIVERED");
    const first = await messageRow(message.id);
    clock = new Date(clock.getTime() + 60_000);
    expect(await seven.sendDeliveryReport(message.providerMessageId, "DELIVERED")).toBe(200);
    expect(await seven.sendDeliveryReport(message.providerMessageId, "NOTDELIVERED")).toBe(200);
    expect(await messageRow(message.id)).toMatchObject({ state: "delivered", deliveredAt: first.deliveredAt, error: null });
  });
});
