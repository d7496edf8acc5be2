/**
 * The messaging server through callMethod: SMS provider settings (credentials write-only, never
 * returned), and the test SMS through the fake providers over real HTTP.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callMethod, InvalidParamsError, type DoorContext } from "@/server/core/dispatch";
import { AppError } from "@/server/core/errors";
import { startFakeSeven, type FakeSeven } from "@/server/integrations/fakes/seven-server";
import { startFakeTwilio, type FakeTwilio } from "@/server/integrations/fakes/twilio-server";
import { decryptSecret } from "@/server/platform/crypto";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { overrideEnv } from "@/server/testing/retell";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { NO_PROVIDER_MESSAGE } from "./schemas";

const SID = `AC${"3".repeat(32)}`;
const TOKEN = "fedcba9876543210fedcba9876543210";
const SEVEN_KEY = "seven_service_key_01234567";
const APP_URL = "https://termine.example.de";

let db: TestDb;
let twilio: FakeTwilio;
let seven: FakeSeven;
let restoreEnv: () => void;
let company: { id: string; slug: string };
let admin: DoorContext;

beforeAll(async () => {
  db = await createTestDb();
  twilio = await startFakeTwilio({ accounts: [{ accountSid: SID, authToken: TOKEN }] });
  seven = await startFakeSeven({ apiKeys: [SEVEN_KEY] });
  restoreEnv = overrideEnv({ SMS_TWILIO_BASE_URL: twilio.url, SMS_SEVEN_BASE_URL: seven.url, APP_URL });
  company = await db.prisma.company.create({ data: { slug: "salon-nachrichten", name: "Salon Nachrichten" } });
  admin = { companyId: company.id, actor: { type: "user", id: "admin-1", role: "admin" }, correlationId: "t", db: db.prisma };
});
afterAll(async () => {
  restoreEnv();
  await twilio.close();
  await seven.close();
  await db.close();
});
beforeEach(async () => {
  resetCircuits();
  configureResilience("sms", { initialDelayMs: 1, maxDelayMs: 2 });
  await db.prisma.messagingSettings.deleteMany({ where: { companyId: company.id } });
});

const call = async (name: string, params: unknown, door: DoorContext = admin) => (await callMethod(name, params, door)).data as Record<string, unknown>;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe("SMS settings", () => {
  it("start with no provider", async () => {
    expect(await call("messaging.getSmsSettings", {})).toEqual({
      provider: null,
      sender: null,
      credentials_stored: false,
      stored_fields: [],
      status_callback_url: null,
      inbound_url: null,
    });
  });

  it("store Twilio credentials encrypted for the company and never return them", async () => {
    const saved = await call("messaging.updateSmsSettings", { provider: "twilio", credentials: { account_sid: SID, auth_token: TOKEN }, sender: " Salon " });
    const read = await call("messaging.getSmsSettings", {});

    expect(read).toEqual(saved);
    expect(read).toEqual({
      provider: "twilio",
      sender: "Salon",
      credentials_stored: true,
      stored_fields: ["account_sid", "auth_token"],
      status_callback_url: `${APP_URL}/api/sms/twilio/status`,
      inbound_url: `${APP_URL}/api/sms/twilio/inbound?company=salon-nachrichten`,
    });
    expect(JSON.stringify(read)).not.toContain(TOKEN);
    expect(JSON.stringify(read)).not.toContain(SID);
    const row = await db.prisma.messagingSettings.findUniqueOrThrow({ where: { companyId: company.id } });
    expect(row.smsCredentialsEnc).not.toContain(TOKEN);
    expect(JSON.parse(decryptSecret(row.smsCredentialsEnc!, { companyId: company.id, column: "messaging_settings.smsCredentialsEnc" }))).toEqual({
      provider: "twilio",
      accountSid: SID,
      authToken: TOKEN,
    });
  });

  it("empty credential fields keep the stored ones; a new value replaces only its field", async () => {
    await call("messaging.updateSmsSettings", { provider: "seven", credentials: { api_key: SEVEN_KEY, signing_secret: "geheim-123" }, sender: "Salon" });
    await call("messaging.updateSmsSettings", { provider: "seven", credentials: { api_key: "", signing_secret: "" }, sender: "NeuerName" });
    const row = await db.prisma.messagingSettings.findUniqueOrThrow({ where: { companyId: company.id } });
    expect(JSON.parse(decryptSecret(row.smsCredentialsEnc!, { companyId: company.id, column: "messaging_settings.smsCredentialsEnc" }))).toEqual({
      provider: "seven",
      apiKey: SEVEN_KEY,
      signingSecret: "geheim-123",
    });
    const read = await call("messaging.getSmsSettings", {});
    expect(read).toMatchObject({ provider: "seven", sender: "NeuerName", stored_fields: ["api_key", "signing_secret"], inbound_url: null });

    await call("messaging.updateSmsSettings", { provider: "seven", credentials: { signing_secret: null } });
    expect(await call("messaging.getSmsSettings", {})).toMatchObject({ sender: "NeuerName", stored_fields: ["api_key"] });
  });

  it("a new provider needs its own credentials: the missing ones are named under their fields", async () => {
    await call("messaging.updateSmsSettings", { provider: "seven", credentials: { api_key: SEVEN_KEY } });
    const error = await rejection(call("messaging.updateSmsSettings", { provider: "twilio", credentials: { account_sid: SID } }));

    expect(error).toBeInstanceOf(InvalidParamsError);
    expect((error as InvalidParamsError).issues).toEqual([expect.objectContaining({ path: ["credentials", "auth_token"], message: "Bitte den Auth Token angeben." })]);
    expect(await call("messaging.getSmsSettings", {})).toMatchObject({ provider: "seven", credentials_stored: true });
  });

  it("refuses malformed credentials and senders with German messages", async () => {
    const error = await rejection(call("messaging.updateSmsSettings", { provider: "twilio", credentials: { account_sid: "XY123", auth_token: "kurz" }, sender: "Viel zu langer Name" }));
    expect(error).toBeInstanceOf(InvalidParamsError);
    const issues = Object.fromEntries((error as InvalidParamsError).issues.map((i) => [i.path.join("."), i.message]));
    expect(issues["credentials.account_sid"]).toMatch(/beginnt mit AC/);
    expect(issues["credentials.auth_token"]).toMatch(/mindestens 16 Zeichen/);
    expect(issues.sender).toMatch(/bis zu 11 Zeichen/);
  });

  it("'Keiner' removes the provider and its credentials", async () => {
    await call("messaging.updateSmsSettings", { provider: "twilio", credentials: { account_sid: SID, auth_token: TOKEN } });
    expect(await call("messaging.updateSmsSettings", { provider: null })).toMatchObject({ provider: null, credentials_stored: false, stored_fields: [] });
    const row = await db.prisma.messagingSettings.findUniqueOrThrow({ where: { companyId: company.id } });
    expect(row.smsCredentialsEnc).toBeNull();
  });

  it("are for admins only, and for tokens only with the configuration grant", async () => {
    const staff: DoorContext = { ...admin, actor: { type: "user", id: "staff-1", role: "staff" } };
    expect(await rejection(call("messaging.getSmsSettings", {}, staff))).toBeInstanceOf(AppError);
    expect(await rejection(call("messaging.sendTestSms", { to: "0151 12345678" }, staff))).toBeInstanceOf(AppError);
    const token: DoorContext = { ...admin, actor: { type: "token", id: "tok-1", allowedServers: ["messaging"] } };
    expect(await rejection(call("messaging.getSmsSettings", {}, token))).toBeInstanceOf(AppError);
    const configToken: DoorContext = { ...admin, actor: { type: "token", id: "tok-2", allowedServers: ["config:messaging"] } };
    expect(await call("messaging.getSmsSettings", {}, configToken)).toMatchObject({ provider: null });
  });
});

describe("test SMS", () => {
  it("without a provider: a clear German answer, nothing sent, no message written", async () => {
    const before = twilio.state.requests.length + seven.state.requests.length;
    const result = await call("messaging.sendTestSms", { to: "0151 12345678" });

    expect(result).toEqual({ sent: false, state: "suppressed", message: NO_PROVIDER_MESSAGE, to: "+4915112345678", message_id: null, provider: null });
    expect(NO_PROVIDER_MESSAGE).toMatch(/^Kein SMS-Anbieter eingerichtet/);
    expect(twilio.state.requests.length + seven.state.requests.length).toBe(before);
    expect(await db.prisma.message.count({ where: { companyId: company.id } })).toBe(0);
  });

  it("sends a short German text through Twilio and records it as a sent test message", async () => {
    await call("messaging.updateSmsSettings", { provider: "twilio", credentials: { account_sid: SID, auth_token: TOKEN }, sender: "Salon" });
    const result = await call("messaging.sendTestSms", { to: "0151 1234 5678" });

    expect(result).toMatchObject({ sent: true, state: "sent", message: "Test-SMS an +4915112345678 gesendet.", to: "+4915112345678", provider: "twilio" });
    const message = await db.prisma.message.findUniqueOrThrow({ where: { id: result.message_id as string } });
    expect(message).toMatchObject({ kind: "test", channel: "sms", state: "sent", to: "+4915112345678", provider: "twilio", segments: 1 });
    expect(message.sentAt).not.toBeNull();
    const sms = twilio.state.messages.get(message.providerMessageId!)!;
    expect(sms).toMatchObject({ to: "+4915112345678", from: "Salon", body: message.body });
    expect(sms.body).toBe("Test-SMS von Salon Nachrichten: Der SMS-Versand über Twilio funktioniert.");
  });

  it("an invalid number: failed with the provider's reason, shown inline", async () => {
    await call("messaging.updateSmsSettings", { provider: "seven", credentials: { api_key: SEVEN_KEY } });
    const result = await call("messaging.sendTestSms", { to: "+49 151 1234 0000" });

    expect(result).toMatchObject({ sent: false, state: "failed", provider: "seven" });
    expect(result.message).toBe("Test-SMS an +4915112340000 nicht gesendet: Die Rufnummer ist ungültig (seven.io 202: Invalid recipient)");
    const message = await db.prisma.message.findUniqueOrThrow({ where: { id: result.message_id as string } });
    expect(message).toMatchObject({ kind: "test", state: "failed", error: "Die Rufnummer ist ungültig (seven.io 202: Invalid recipient)" });
  });

  it("wrong credentials and an unreachable provider end the test with their reasons", async () => {
    await call("messaging.updateSmsSettings", { provider: "twilio", credentials: { account_sid: SID, auth_token: "0".repeat(32) } });
    const refused = await call("messaging.sendTestSms", { to: "0151 12345678" });
    expect(refused).toMatchObject({ sent: false, state: "failed" });
    expect(refused.message).toMatch(/nicht gesendet: SMS-Anbieter lehnt die Zugangsdaten ab/);

    await call("messaging.updateSmsSettings", { provider: "twilio", credentials: { auth_token: TOKEN } });
    await twilio.setDown(true);
    try {
      const down = await call("messaging.sendTestSms", { to: "0151 12345678" });
      expect(down).toMatchObject({ sent: false, state: "failed" });
      expect(down.message).toMatch(/nicht gesendet: Der SMS-Anbieter ist gerade nicht erreichbar/);
    } finally {
      await twilio.setDown(false);
    }
  });

  it("refuses a number that is not one", async () => {
    const error = await rejection(call("messaging.sendTestSms", { to: "12ab" }));
    expect(error).toBeInstanceOf(InvalidParamsError);
    expect((error as InvalidParamsError).issues[0]?.message).toMatch(/gültige Mobilnummer/);
  });
});
