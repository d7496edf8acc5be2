/** sendSms through the fake Twilio and seven.io APIs over real HTTP: what is sent, and how refusals and outages come out. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeSeven, type FakeSeven } from "@/server/integrations/fakes/seven-server";
import { startFakeTwilio, type FakeTwilio } from "@/server/integrations/fakes/twilio-server";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { overrideEnv } from "@/server/testing/retell";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { sealCredentials, type StoredCredentials } from "./credentials";
import { PermanentDeliveryError, SmsNotConfiguredError, TemporaryDeliveryError } from "./delivery-errors";
import { sendSms } from "./sms";

const TWILIO = { accountSid: `AC${"1".repeat(32)}`, authToken: "0123456789abcdef0123456789abcdef" };
const SEVEN_KEY = "seven_test_key_0123456789";
const APP_URL = "https://termine.example.de";

let db: TestDb;
let twilio: FakeTwilio;
let seven: FakeSeven;
let restoreEnv: () => void;
let companyId: string;

beforeAll(async () => {
  db = await createTestDb();
  twilio = await startFakeTwilio({ accounts: [TWILIO] });
  seven = await startFakeSeven({ apiKeys: [SEVEN_KEY] });
  restoreEnv = overrideEnv({ SMS_TWILIO_BASE_URL: twilio.url, SMS_SEVEN_BASE_URL: seven.url, APP_URL });
  companyId = (await db.prisma.company.create({ data: { slug: "salon-sms", name: "Salon SMS" } })).id;
});
afterAll(async () => {
  restoreEnv();
  await twilio.close();
  await seven.close();
  await db.close();
});
beforeEach(() => {
  resetCircuits();
  configureResilience("sms", { initialDelayMs: 1, maxDelayMs: 2 });
});
afterEach(async () => {
  await twilio.setDown(false);
  await seven.setDown(false);
  twilio.state.failNext(0);
  seven.state.failNext(0);
});

async function configure(credentials: StoredCredentials | null, sender: string | null = "SalonSMS") {
  const data = { smsProvider: credentials?.provider ?? null, smsCredentialsEnc: credentials ? sealCredentials(companyId, credentials) : null, smsSender: sender };
  await db.prisma.messagingSettings.upsert({ where: { companyId }, create: { companyId, ...data }, update: data });
}

async function newMessage(to: string, body = "Ihr Termin am 12.03.2026 um 10:00 ist bestätigt.") {
  return db.prisma.message.create({ data: { companyId, channel: "sms", kind: "confirmation", to, body } });
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe("Twilio", () => {
  beforeEach(() => configure({ provider: "twilio", ...TWILIO }));

  it("posts To, From, Body and our StatusCallback, and stores the message sid on the message at once", async () => {
    const message = await newMessage("+4915112345678");
    const sent = await sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id });

    expect(sent.provider).toBe("twilio");
    expect(sent.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sent.segments).toBe(1);
    const recorded = twilio.state.messages.get(sent.providerMessageId)!;
    expect(recorded).toMatchObject({ accountSid: TWILIO.accountSid, to: "+4915112345678", from: "SalonSMS", body: message.body });
    expect(recorded.statusCallback).toBe(`${APP_URL}/api/sms/twilio/status`);
    const stored = await db.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored).toMatchObject({ provider: "twilio", providerMessageId: sent.providerMessageId, segments: 1 });
  });

  it("counts the parts of a long text", async () => {
    const message = await newMessage("+4915112345678", "x".repeat(200));
    const sent = await sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id });
    expect(sent.segments).toBe(2);
  });

  it("an invalid number is a permanent failure with the German reason and Twilio's own words", async () => {
    const message = await newMessage("+4915112340000");
    const error = await failure(sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id }));

    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(error.message).toMatch(/^Die Rufnummer ist ungültig \(Twilio 21211: The 'To' number \+4915112340000 is not a valid phone number\.\)$/);
    expect((error as PermanentDeliveryError).providerCode).toBe("21211");
  });

  it("wrong credentials are a permanent failure: the provider refuses them", async () => {
    await configure({ provider: "twilio", accountSid: TWILIO.accountSid, authToken: "f".repeat(32) });
    const message = await newMessage("+4915112345678");
    const error = await failure(sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id }));

    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(error.message).toMatch(/^SMS-Anbieter lehnt die Zugangsdaten ab/);
    expect(twilio.state.list().some((m) => m.to === message.to && m.body === message.body && m.createdAt > message.createdAt)).toBe(false);
  });

  it("a provider that is down is a temporary failure (tried again on refused connections only)", async () => {
    await twilio.setDown(true);
    const message = await newMessage("+4915112345678");
    const error = await failure(sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id }));

    expect(error).toBeInstanceOf(TemporaryDeliveryError);
    expect(error.message).toMatch(/SMS-Anbieter ist gerade nicht erreichbar/);
  });

  it("a 5xx is temporary and not repeated within the call (the SMS may have gone out)", async () => {
    twilio.state.failNext(1, 503);
    const before = twilio.state.requests.length;
    const message = await newMessage("+4915112345678");
    const error = await failure(sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id }));

    expect(error).toBeInstanceOf(TemporaryDeliveryError);
    expect(twilio.state.requests.length - before).toBe(1);
  });

  it("a 429 is temporary with the announced wait", async () => {
    twilio.state.rateLimitNext(1, 42);
    const message = await newMessage("+4915112345678");
    const error = await failure(sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id }));

    expect(error).toBeInstanceOf(TemporaryDeliveryError);
    expect((error as TemporaryDeliveryError).retryAfter).toBe(42);
  });
});

describe("seven.io", () => {
  beforeEach(() => configure({ provider: "seven", apiKey: SEVEN_KEY, signingSecret: null }));

  it("posts to, text, from and our message id with the API key, and returns seven's message id and parts", async () => {
    const message = await newMessage("+4917612345678");
    const sent = await sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id });

    expect(sent).toMatchObject({ provider: "seven", segments: 1 });
    const recorded = seven.state.messages.get(sent.providerMessageId)!;
    expect(recorded).toMatchObject({ apiKey: SEVEN_KEY, to: "+4917612345678", from: "SalonSMS", text: message.body, foreignId: message.id });
    const stored = await db.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored.providerMessageId).toBe(sent.providerMessageId);
  });

  it("a refused recipient (202) is permanent", async () => {
    const message = await newMessage("+4917612340000");
    const error = await failure(sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id }));
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(error.message).toBe("Die Rufnummer ist ungültig (seven.io 202: Invalid recipient)");
  });

  it("a wrong API key (900) is permanent: the provider refuses the credentials", async () => {
    await configure({ provider: "seven", apiKey: "another_key_0123456789", signingSecret: null });
    const message = await newMessage("+4917612345678");
    const error = await failure(sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id }));
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(error.message).toBe("SMS-Anbieter lehnt die Zugangsdaten ab (seven.io-Fehler 900)");
  });

  it("no credit (500) is permanent with a German reason", async () => {
    seven.state.balance = 0;
    const message = await newMessage("+4917612345678");
    const error = await failure(sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id }));
    seven.state.balance = 100;
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(error.message).toMatch(/^Das Guthaben beim SMS-Anbieter reicht nicht/);
  });

  it("a 5xx or an unreachable host is temporary", async () => {
    seven.state.failNext(1, 502);
    const message = await newMessage("+4917612345678");
    expect(await failure(sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id }))).toBeInstanceOf(TemporaryDeliveryError);
    await seven.setDown(true);
    expect(await failure(sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id }))).toBeInstanceOf(TemporaryDeliveryError);
  });
});

describe("not configured", () => {
  it("without a provider, or with a provider but no credentials, nothing is sent", async () => {
    await configure(null);
    const message = await newMessage("+4915112345678");
    const before = twilio.state.requests.length + seven.state.requests.length;
    const error = await failure(sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id }));
    expect(error).toBeInstanceOf(SmsNotConfiguredError);
    expect(error.message).toBe("nicht zugestellt: kein SMS-Anbieter eingerichtet");

    await db.prisma.messagingSettings.update({ where: { companyId }, data: { smsProvider: "twilio" } });
    expect(await failure(sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id }))).toBeInstanceOf(SmsNotConfiguredError);
    expect(twilio.state.requests.length + seven.state.requests.length).toBe(before);
  });

  it("credentials sealed for another company do not open: a permanent failure, nothing sent", async () => {
    const other = await db.prisma.company.create({ data: { slug: "anderer-salon", name: "Anderer Salon" } });
    const foreign = sealCredentials(other.id, { provider: "twilio", ...TWILIO });
    await db.prisma.messagingSettings.upsert({
      where: { companyId },
      create: { companyId, smsProvider: "twilio", smsCredentialsEnc: foreign },
      update: { smsProvider: "twilio", smsCredentialsEnc: foreign },
    });
    const before = twilio.state.requests.length;
    const message = await newMessage("+4915112345678");
    const error = await failure(sendSms(db.prisma, companyId, { to: message.to, text: message.body, messageId: message.id }));
    expect(error).toBeInstanceOf(PermanentDeliveryError);
    expect(twilio.state.requests.length).toBe(before);
  });
});
