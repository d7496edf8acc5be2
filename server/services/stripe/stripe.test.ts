/**
 * Deposits and no-show fees end to end on the seeded demo company: bookings through the
 * appointment services and the phone function, the real outbox worker, the real `stripe` SDK
 * against the fake Stripe API and the fake Twilio API, and Stripe's webhooks signed like Stripe
 * signs them and posted over real HTTP to the webhook door. FIXED_NOW is Wednesday 11.03.2026,
 * 10:00 in Berlin.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidParamsError } from "@/server/core/call-errors";
import { callMethod, type DoorContext } from "@/server/core/dispatch";
import { ErrorCodes } from "@/server/core/errors";
import type { Actor } from "@/server/core/types";
import { stripeWebhookDoor } from "@/server/doors/stripe/webhook-door";
import { startFakeStripe, type FakeStripe, type StripeEvent } from "@/server/integrations/fakes/stripe-server";
import { startFakeTwilio, type FakeTwilio } from "@/server/integrations/fakes/twilio-server";
import { stripeTestSignature } from "@/server/integrations/stripe/client";
import { logger } from "@/server/platform/logger";
import type { DeliveryChannels } from "@/server/platform/outbox/channels";
import { runDueJobs } from "@/server/platform/outbox/worker";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { DEMO_PHONE_NUMBER } from "@/server/seed/demo";
import { bookAppointment } from "@/server/services/appointments/book";
import { cancelAppointment } from "@/server/services/appointments/cancel";
import { sealCredentials } from "@/server/services/messaging/credentials";
import { executeFunction } from "@/server/services/retell-function/service";
import { appError, appointmentsFixture, DASHBOARD, FIXED_NOW } from "@/server/testing/appointment-fixtures";
import { overrideEnv, testContext } from "@/server/testing/retell";
import { serveFetchHandler, type ServedHandler } from "@/server/testing/serve";
import { DEPOSIT_LINK_JOB, depositLinkJob } from "./deposit";
import { stripeHealth } from "./health";

const KEY = "sk_test_SalonSchoen0001";
const WHSEC = "whsec_SalonSchoenWebhook0001";
const OTHER_KEY = "sk_test_ZweiterSalon0002";
const OTHER_WHSEC = "whsec_ZweiterSalonWebhook0002";
const TWILIO = { accountSid: `AC${"3".repeat(32)}`, authToken: "0123456789abcdef0123456789abcdef" };
const ADMIN: Actor = { type: "user", id: "admin-1", role: "admin" };
const unix = (d: Date) => Math.floor(d.getTime() / 1000);

let f: Awaited<ReturnType<typeof appointmentsFixture>>;
let stripe: FakeStripe;
let twilio: FakeTwilio;
let app: ServedHandler;
let restoreEnv: () => void;
let slug: string;
let other: { id: string; slug: string };

/** Outbox jobs never use these channels here: SMS go through the company's provider. */
const channels: DeliveryChannels = {
  email: { name: "unused", send: () => Promise.reject(new Error("no e-mail expected")) },
  sms: { name: "unused", send: () => Promise.reject(new Error("SMS must go through the provider")) },
};

beforeAll(async () => {
  f = await appointmentsFixture();
  stripe = await startFakeStripe({ secretKeys: [KEY, OTHER_KEY], now: () => FIXED_NOW });
  twilio = await startFakeTwilio({ accounts: [TWILIO] });
  app = await serveFetchHandler(async (request) => {
    const match = /^\/api\/stripe\/webhook\/([^/]+)$/.exec(new URL(request.url).pathname);
    if (!match) return new Response("not found", { status: 404 });
    return stripeWebhookDoor(request, decodeURIComponent(match[1]!), { db: f.prisma, now: () => FIXED_NOW, log: logger });
  });
  restoreEnv = overrideEnv({ STRIPE_API_BASE_URL: stripe.url, SMS_TWILIO_BASE_URL: twilio.url, APP_URL: "https://termine.example.de" });
  resetCircuits();
  configureResilience("sms", { initialDelayMs: 1, maxDelayMs: 2 });
  const data = { smsProvider: "twilio", smsCredentialsEnc: sealCredentials(f.companyId, { provider: "twilio", ...TWILIO }), smsSender: "Salon" };
  await f.prisma.messagingSettings.create({ data: { companyId: f.companyId, ...data } });
  slug = (await f.prisma.company.findUniqueOrThrow({ where: { id: f.companyId } })).slug;
  other = await f.prisma.company.create({ data: { slug: "zweiter-salon", name: "Zweiter Salon" } });
  // Färben (79,00 €): 25 % deposit = 19,75 €; Bartpflege: a fixed 10,00 €; Herrenhaarschnitt: none.
  await call("service.update", { service_id: f.serviceId("Färben"), deposit_percent: 25 });
  await call("service.update", { service_id: f.serviceId("Bartpflege"), deposit_cents: 1000 });
}, 60_000);
afterAll(async () => {
  restoreEnv();
  await app.close();
  await twilio.close();
  await stripe.close();
  await f.db.close();
});

const door = (actor: Actor, companyId = f.companyId): DoorContext => ({ companyId, actor, correlationId: "t", db: f.prisma, now: () => FIXED_NOW });
async function call<T = Record<string, unknown>>(name: string, params: Record<string, unknown>, actor: Actor = ADMIN, companyId?: string): Promise<T> {
  return (await callMethod(name, params, door(actor, companyId))).data as T;
}
const run = () => runDueJobs({ db: f.prisma, now: () => FIXED_NOW, channels, log: logger, retryDelayMs: () => 60_000, batchSize: 100 });
const runAt = (now: Date) => runDueJobs({ db: f.prisma, now: () => now, channels, log: logger, retryDelayMs: () => 60_000, batchSize: 100 });

function book(service: string, date: string, time: string, phone: string) {
  return bookAppointment(f.ctx(DASHBOARD), { branch_id: f.mitte, service_name: service, date, time, customer_name: "Kim Kunde", customer_phone: phone });
}
const webhookUrl = (companySlug = slug) => `${app.url}/api/stripe/webhook/${companySlug}`;
const paymentsOf = (appointmentId: string) => f.prisma.payment.findMany({ where: { appointmentId }, orderBy: { createdAt: "asc" } });
const sessionRequests = () => stripe.state.requestsTo("POST", "/v1/checkout/sessions");

/** Books a deposit service and lets the worker make the link; returns the appointment and its pending payment. */
async function bookWithLink(service: string, date: string, time: string, phone: string) {
  const { appointment } = await book(service, date, time, phone);
  await run();
  const [payment] = await paymentsOf(appointment.id);
  expect(payment).toMatchObject({ state: "pending", kind: "deposit" });
  return { appointment, payment: payment! };
}

describe("deposit rule of a service", () => {
  it("is an amount or a percentage, never both; setting one clears the other", async () => {
    const both = await callMethod("service.update", { service_id: f.serviceId("Damenhaarschnitt"), deposit_cents: 1000, deposit_percent: 20 }, door(ADMIN)).then(() => null, (e: unknown) => e);
    expect(both).toBeInstanceOf(InvalidParamsError);
    expect((both as InvalidParamsError).issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["deposit_percent", "Bitte entweder einen Betrag oder einen Prozentsatz als Anzahlung angeben, nicht beides."],
    ]);
    await call("service.update", { service_id: f.serviceId("Damenhaarschnitt"), deposit_percent: 20 });
    const { service } = await call<{ service: Record<string, unknown> }>("service.update", { service_id: f.serviceId("Damenhaarschnitt"), deposit_cents: 1500 });
    expect(service).toMatchObject({ deposit_cents: 1500, deposit_percent: null });
    await call("service.update", { service_id: f.serviceId("Damenhaarschnitt"), deposit_cents: null });
  });
});

describe("without a Stripe key", () => {
  it("a booking of a service with a deposit still books, makes no link and asks Stripe nothing; the health says not configured", async () => {
    const { appointment } = await book("Färben", "2026-03-16", "09:00", "0176 55500000");
    expect(appointment.status).toBe("scheduled");
    expect(await f.prisma.outboxJob.count({ where: { kind: DEPOSIT_LINK_JOB } })).toBe(0);
    await run();
    expect(await paymentsOf(appointment.id)).toEqual([]);
    expect(stripe.state.requests).toHaveLength(0);

    const status = await call("stripe.getPaymentStatus", { appointment_id: appointment.id }, DASHBOARD);
    expect(status).toMatchObject({ configured: false, deposit_cents: 1975, payments: [], can_send_link: false, can_charge_no_show_fee: false });
    const refused = await appError(call("stripe.createDepositLink", { appointment_id: appointment.id }, DASHBOARD));
    expect(refused).toMatchObject({ code: ErrorCodes.STRIPE_NOT_CONFIGURED, message: expect.stringContaining("Einstellungen → Zahlungen") });
    expect(await stripeHealth.run(f.ctx(ADMIN))).toMatchObject({ status: "not_configured" });
  });
});

describe("settings", () => {
  it("store key and webhook secret encrypted and never give them back (only 'set' and the last 4 characters)", async () => {
    const saved = await call("stripe.updateSettings", { secret_key: KEY, webhook_secret: WHSEC, no_show_fee_cents: 1500, deposit_link_minutes: 120 });
    expect(saved).toEqual({
      secret_key_set: true,
      secret_key_last4: "0001",
      mode: "test",
      webhook_secret_set: true,
      webhook_url: `https://termine.example.de/api/stripe/webhook/${slug}`,
      webhook_events: expect.arrayContaining(["checkout.session.completed", "charge.refunded", "setup_intent.succeeded"]),
      no_show_fee_cents: 1500,
      deposit_link_minutes: 120,
      configured: true,
    });
    const read = await call("stripe.getSettings", {});
    expect(read).toEqual(saved);
    for (const answer of [saved, read]) {
      expect(JSON.stringify(answer)).not.toContain(KEY);
      expect(JSON.stringify(answer)).not.toContain(WHSEC);
    }
    const row = await f.prisma.paymentSettings.findUniqueOrThrow({ where: { companyId: f.companyId } });
    expect(row.stripeSecretKeyEnc).toMatch(/^v2\./);
    expect(row.stripeSecretKeyEnc).not.toContain(KEY);
    expect(row.stripeWebhookSecretEnc).not.toContain(WHSEC);

    // Empty fields keep what is stored; a publishable key is refused with a German reason.
    expect(await call("stripe.updateSettings", { secret_key: "", webhook_secret: "", no_show_fee_cents: 1500 })).toEqual(saved);
    const invalid = await callMethod("stripe.updateSettings", { secret_key: "pk_test_123456789" }, door(ADMIN)).then(() => null, (e: unknown) => e);
    expect(invalid).toBeInstanceOf(InvalidParamsError);
    expect((invalid as InvalidParamsError).issues[0]?.message).toMatch(/beginnt mit sk_live_, sk_test_/);
    // Staff can neither read nor change them.
    expect((await appError(call("stripe.getSettings", {}, DASHBOARD))).code).toBe(ErrorCodes.FORBIDDEN);
    expect(await stripeHealth.run(f.ctx(ADMIN))).toMatchObject({ status: "healthy" });
  });
});

describe("deposit for a booked appointment", () => {
  it("book → link at Stripe → SMS → signed webhook marks it paid → refund marks it refunded; replays change nothing", async () => {
    const { appointment } = await book("Färben", "2026-03-16", "11:00", "0176 55500001");
    const job = await f.prisma.outboxJob.findFirstOrThrow({ where: { kind: DEPOSIT_LINK_JOB, dedupeKey: `stripe:deposit:${appointment.id}` } });
    expect(job).toMatchObject({ state: "pending", companyId: f.companyId });
    // The booking did not wait for Stripe.
    expect(sessionRequests()).toHaveLength(0);

    await run();
    const [request] = sessionRequests();
    expect(request!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request!.headers["idempotency-key"]).toBe(`appointment-${appointment.id}-deposit`);
    expect(request!.body).toMatchObject({
      mode: "payment",
      locale: "de",
      expires_at: String(unix(FIXED_NOW) + 120 * 60),
      line_items: [{ quantity: "1", price_data: { currency: "eur", unit_amount: "1975", product_data: { name: "Anzahlung Färben am 16.03.2026" } } }],
      metadata: { appointment_id: appointment.id, company_id: f.companyId },
      payment_intent_data: { metadata: { appointment_id: appointment.id, company_id: f.companyId } },
    });
    const session = [...stripe.state.sessions.values()].find((s) => s.metadata.appointment_id === appointment.id)!;
    const [payment] = await paymentsOf(appointment.id);
    expect(payment).toMatchObject({
      kind: "deposit",
      state: "pending",
      amountCents: 1975,
      stripeSessionId: session.id,
      checkoutUrl: session.url,
      expiresAt: new Date((unix(FIXED_NOW) + 120 * 60) * 1000),
      customerId: appointment.customer_id,
    });
    // The link went out by SMS (message kind "payment"), with the amount.
    const message = await f.prisma.message.findFirstOrThrow({ where: { appointmentId: appointment.id, kind: "payment" } });
    expect(message).toMatchObject({ channel: "sms", to: "+4917655500001", state: "sent" });
    expect(message.body).toContain(session.url!);
    expect(message.body).toContain("19,75 €");
    expect(twilio.state.list().filter((m) => m.body.includes(session.url!))).toHaveLength(1);

    // The customer pays; Stripe signs and posts checkout.session.completed.
    const completed = stripe.completeSession(session.id);
    expect(await stripe.sendWebhook(webhookUrl(), completed, WHSEC)).toEqual({ status: 200, body: { received: true, outcome: "processed" } });
    const paid = await f.prisma.payment.findUniqueOrThrow({ where: { id: payment!.id } });
    expect(paid).toMatchObject({ state: "paid", paidAt: FIXED_NOW, stripePaymentIntentId: completed.data.object.payment_intent });

    // The same delivery again: acknowledged, nothing stored or changed twice.
    expect(await stripe.sendWebhook(webhookUrl(), completed, WHSEC)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(await f.prisma.webhookEvent.count({ where: { dedupeKey: `stripe:${f.companyId}:${completed.id}` } })).toBe(1);

    // The appointment list shows the deposit's state beside the appointment's.
    const listed = await call<{ appointments: Array<{ id: string; deposit_state: string | null }> }>("appointments.list", { date_from: "2026-03-16", date_to: "2026-03-16" }, DASHBOARD);
    expect(listed.appointments.find((x) => x.id === appointment.id)?.deposit_state).toBe("paid");
    expect(listed.appointments.filter((x) => x.id !== appointment.id).every((x) => x.deposit_state !== "paid")).toBe(true);

    const status = await call<{ payments: Array<{ state: string }>; can_send_link: boolean; can_refund: boolean }>("stripe.getPaymentStatus", { appointment_id: appointment.id }, DASHBOARD);
    expect(status).toMatchObject({ payments: [{ state: "paid", amount_cents: 1975, checkout_url: null }], can_send_link: false, can_refund: true });

    // A full refund at Stripe; the payment is refunded at once and charge.refunded confirms it.
    const refunded = await call<{ payment: { state: string }; message: string }>("stripe.refund", { payment_id: payment!.id });
    expect(refunded).toMatchObject({ payment: { state: "refunded", refunded_cents: 1975 }, message: "19,75 € werden erstattet." });
    expect(stripe.state.refunds).toContainEqual(expect.objectContaining({ payment_intent: paid.stripePaymentIntentId, amount: 1975 }));
    const refundEvent = stripe.chargeRefundedEvent(paid.stripePaymentIntentId!);
    expect((await stripe.sendWebhook(webhookUrl(), refundEvent, WHSEC)).status).toBe(200);
    // A late or repeated "completed" never makes a refunded payment paid again.
    await stripe.sendWebhook(webhookUrl(), { ...completed, id: "evt_late_completed" }, WHSEC);
    await stripe.sendWebhook(webhookUrl(), completed, WHSEC);
    expect(await f.prisma.payment.findUniqueOrThrow({ where: { id: payment!.id } })).toMatchObject({ state: "refunded", refundedCents: 1975 });
    // Nothing left to refund.
    expect((await appError(call("stripe.refund", { payment_id: payment!.id }))).code).toBe(ErrorCodes.PAYMENT_NOT_POSSIBLE);
  });

  it("a second run of the job (after a crash) makes no second link or SMS; 'Zahlungslink senden' sends the open link again", async () => {
    const { appointment, payment } = await bookWithLink("Bartpflege", "2026-03-16", "14:00", "0176 55500002");
    const before = sessionRequests().length;
    await depositLinkJob.run(
      { appointmentId: appointment.id },
      { db: f.prisma, log: logger, now: () => FIXED_NOW, channels, job: { id: "rerun", companyId: f.companyId, attempts: 2 } },
    );
    expect(sessionRequests()).toHaveLength(before);
    expect(await f.prisma.message.count({ where: { appointmentId: appointment.id, kind: "payment" } })).toBe(1);
    const again = await call<{ payment: { id: string }; sent: boolean }>("stripe.createDepositLink", { appointment_id: appointment.id }, DASHBOARD);
    expect(again).toMatchObject({ payment: { id: payment.id, checkout_url: payment.checkoutUrl }, sent: true });
    expect(sessionRequests()).toHaveLength(before);
    expect(await f.prisma.message.count({ where: { appointmentId: appointment.id, kind: "payment" } })).toBe(2);
    expect(await paymentsOf(appointment.id)).toHaveLength(1);
  });

  it("partial refunds add up to refunded; more than is left is refused", async () => {
    const { payment } = await bookWithLink("Bartpflege", "2026-03-16", "15:00", "0176 55500003");
    await stripe.sendWebhook(webhookUrl(), stripe.completeSession(payment.stripeSessionId!), WHSEC);
    expect(await call("stripe.refund", { payment_id: payment.id, amount_cents: 400 })).toMatchObject({ payment: { state: "partially_refunded", refunded_cents: 400 } });
    const tooMuch = await appError(call("stripe.refund", { payment_id: payment.id, amount_cents: 700 }));
    expect(tooMuch).toMatchObject({ code: ErrorCodes.INVALID_INPUT, message: "Höchstens 6,00 € können noch erstattet werden." });
    expect(await call("stripe.refund", { payment_id: payment.id })).toMatchObject({ payment: { state: "refunded", refunded_cents: 1000 } });
  });

  it("an expired link is marked expired; a late 'expired' never undoes 'paid'", async () => {
    const { payment } = await bookWithLink("Bartpflege", "2026-03-16", "16:00", "0176 55500004");
    await stripe.sendWebhook(webhookUrl(), stripe.expireSession(payment.stripeSessionId!), WHSEC);
    expect((await f.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).state).toBe("expired");

    const second = await bookWithLink("Bartpflege", "2026-03-16", "16:30", "0176 55500005");
    const completed = stripe.completeSession(second.payment.stripeSessionId!);
    await stripe.sendWebhook(webhookUrl(), completed, WHSEC);
    const lateExpired = stripe.event("checkout.session.expired", { ...completed.data.object, status: "expired" });
    expect(await stripe.sendWebhook(webhookUrl(), lateExpired, WHSEC)).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    expect((await f.prisma.payment.findUniqueOrThrow({ where: { id: second.payment.id } })).state).toBe("paid");
  });
});

describe("the webhook door refuses what Stripe did not sign for this company", () => {
  let payment: Awaited<ReturnType<typeof bookWithLink>>["payment"];
  let completed: StripeEvent;
  const unchanged = async () => {
    expect((await f.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).state).toBe("pending");
    expect(await f.prisma.webhookEvent.count({ where: { dedupeKey: { endsWith: completed.id } } })).toBe(0);
  };

  beforeAll(async () => {
    await call("stripe.updateSettings", { secret_key: OTHER_KEY, webhook_secret: OTHER_WHSEC }, ADMIN, other.id);
    ({ payment } = await bookWithLink("Bartpflege", "2026-03-17", "15:00", "0176 55500006"));
    completed = stripe.completeSession(payment.stripeSessionId!);
  });

  it("a wrong secret, a changed body, a missing or outdated signature: 400 and nothing changes", async () => {
    expect(await stripe.sendWebhook(webhookUrl(), completed, "whsec_Falsch0000000000")).toMatchObject({ status: 400, body: { received: false, error: "Ungültige Signatur" } });
    const raw = JSON.stringify(completed);
    const signedOriginal = stripeTestSignature(raw, WHSEC);
    expect((await stripe.sendWebhook(webhookUrl(), completed, WHSEC, { rawBody: raw.replace('"paid"', '"unpaid"'), signature: signedOriginal })).status).toBe(400);
    expect((await stripe.sendWebhook(webhookUrl(), completed, WHSEC, { signature: "" })).status).toBe(400);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    expect((await stripe.sendWebhook(webhookUrl(), completed, WHSEC, { rawBody: raw, signature: stripeTestSignature(raw, WHSEC, tenMinutesAgo) })).status).toBe(400);
    expect((await stripe.sendWebhook(webhookUrl("kein-salon"), completed, WHSEC)).status).toBe(400);
    await unchanged();
  });

  it("another company's secret is refused at this company's door, and at its own door it cannot touch this company's payment", async () => {
    expect((await stripe.sendWebhook(webhookUrl(), completed, OTHER_WHSEC)).status).toBe(400);
    await unchanged();
    expect(await stripe.sendWebhook(webhookUrl(other.slug), completed, OTHER_WHSEC)).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    expect((await f.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).state).toBe("pending");
    // Signed with this company's own secret it counts.
    expect((await stripe.sendWebhook(webhookUrl(), completed, WHSEC)).status).toBe(200);
    expect((await f.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).state).toBe("paid");
  });
});

describe("no-show fee", () => {
  async function noShow(time: string, phone: string) {
    const { appointment } = await book("Herrenhaarschnitt", "2026-03-17", time, phone);
    await f.prisma.appointment.update({ where: { id: appointment.id }, data: { status: "no_show" } });
    return appointment;
  }
  const intentRequests = () => stripe.state.requestsTo("POST", "/v1/payment_intents");

  it("is refused without a card saved with the customer's consent, and charged off-session once there is one", async () => {
    const appointment = await noShow("11:00", "0176 55500007");
    const refused = await appError(call("stripe.chargeNoShowFee", { appointment_id: appointment.id }));
    expect(refused).toEqual(expect.objectContaining({ code: ErrorCodes.PAYMENT_NOT_POSSIBLE, message: expect.stringContaining("keine Karte mit seiner Zustimmung") }));
    expect(intentRequests()).toHaveLength(0);
    expect(await call("stripe.getPaymentStatus", { appointment_id: appointment.id }, DASHBOARD)).toMatchObject({ can_charge_no_show_fee: false, no_show_fee_cents: 1500, card_saved: false });

    // The customer saves a card in a setup-mode Checkout, agreeing to the fee in its text: setup_intent.succeeded.
    const link = await call<{ url: string }>("stripe.createCardSetupLink", { appointment_id: appointment.id }, DASHBOARD);
    const setup = [...stripe.state.sessions.values()].find((x) => x.url === link.url)!;
    const [setupRequest] = stripe.state.requestsTo("POST", "/v1/checkout/sessions").filter((r) => (r.body as { mode?: string }).mode === "setup");
    expect(setupRequest!.body).toMatchObject({
      mode: "setup",
      currency: "eur",
      customer_creation: "always",
      setup_intent_data: { metadata: { customer_id: appointment.customer_id, company_id: f.companyId } },
      custom_text: { submit: { message: expect.stringContaining("eine Gebühr von 15,00 € von dieser Karte abbuchen darf") } },
    });
    const saved = stripe.completeSetupSession(setup.id, { paymentMethod: "pm_card_visa" });
    expect((await stripe.sendWebhook(webhookUrl(), saved, WHSEC)).status).toBe(200);
    const stripeCustomer = saved.data.object.customer as string;
    expect(stripeCustomer).toMatch(/^cus_/);
    expect(await f.prisma.customer.findUniqueOrThrow({ where: { id: appointment.customer_id } })).toMatchObject({
      stripeCustomerId: stripeCustomer,
      stripePaymentMethodId: "pm_card_visa",
      cardConsentAt: new Date(saved.created * 1000),
    });

    expect(await call("stripe.getPaymentStatus", { appointment_id: appointment.id }, DASHBOARD)).toMatchObject({ can_charge_no_show_fee: true, card_saved: true });
    const charged = await call("stripe.chargeNoShowFee", { appointment_id: appointment.id });
    expect(charged).toMatchObject({ charged: true, payment: { kind: "no_show_fee", state: "paid", amount_cents: 1500 }, message: "No-Show-Gebühr von 15,00 € berechnet." });
    const [request] = intentRequests();
    expect(request!.headers["idempotency-key"]).toBe(`appointment-${appointment.id}-no-show-fee-1`);
    expect(request!.body).toMatchObject({ amount: "1500", currency: "eur", customer: stripeCustomer, payment_method: "pm_card_visa", off_session: "true", confirm: "true" });
    // Once only.
    expect((await appError(call("stripe.chargeNoShowFee", { appointment_id: appointment.id }))).message).toBe("Die No-Show-Gebühr wurde bereits berechnet.");
  });

  it("needs the status 'Nicht erschienen'; a bank asking for authentication ends as failed with the reason", async () => {
    const { appointment: scheduled } = await book("Herrenhaarschnitt", "2026-03-17", "12:00", "0176 55500008");
    expect((await appError(call("stripe.chargeNoShowFee", { appointment_id: scheduled.id }))).message).toMatch(/Nicht erschienen/);

    const appointment = await noShow("14:00", "0176 55500009");
    await f.prisma.customer.update({
      where: { id: appointment.customer_id },
      data: { stripeCustomerId: "cus_Sca0001", stripePaymentMethodId: "pm_card_authenticationRequired", cardConsentAt: FIXED_NOW },
    });
    const result = await call("stripe.chargeNoShowFee", { appointment_id: appointment.id });
    expect(result).toMatchObject({ charged: false, payment: { state: "failed", error: expect.stringContaining("Bestätigung durch den Kunden") } });
  });
});

describe("bookings and Stripe outages", () => {
  it("the phone agent tells the caller that a deposit link follows by SMS", async () => {
    const ctx = testContext(f.prisma, f.companyId, { actor: { type: "retell", id: null } });
    const answer = await executeFunction(ctx, {
      function_name: "book_appointment",
      parameters: { datum: "19.03.2026", uhrzeit: "10 Uhr", name: "Lena Lang", dienstleistung: "Bartpflege" },
      call_context: { call_id: "c_deposit", from_number: "+4915111100001", to_number: DEMO_PHONE_NUMBER },
    });
    expect(answer).toMatchObject({ success: true });
    expect(answer.message).toMatch(/ist gebucht\. Sie erhalten gleich eine SMS mit dem Link für die Anzahlung von 10 €\.$/);
    const noDeposit = await executeFunction(ctx, {
      function_name: "book_appointment",
      parameters: { datum: "19.03.2026", uhrzeit: "11 Uhr", name: "Lena Lang", dienstleistung: "Herrenhaarschnitt" },
      call_context: { call_id: "c_no_deposit", from_number: "+4915111100002", to_number: DEMO_PHONE_NUMBER },
    });
    expect(noDeposit.message).not.toContain("Anzahlung");
  });

  it("Stripe down: the booking stands, the job tries again later and then makes the link", async () => {
    await run(); // the phone booking's job first, so the failures below hit this booking's link
    stripe.state.failNext(2, 500);
    const { appointment } = await book("Bartpflege", "2026-03-17", "10:00", "0176 55500010");
    expect(appointment.status).toBe("scheduled");
    const summary = await run();
    expect(summary.retried).toBe(1);
    // Reserved, without a link yet.
    const [reserved] = await paymentsOf(appointment.id);
    expect(reserved).toMatchObject({ state: "pending", amountCents: 1000, stripeSessionId: null, checkoutUrl: null });
    const failed = sessionRequests().filter((r) => r.headers["idempotency-key"] === `appointment-${appointment.id}-deposit`);
    expect(failed).toHaveLength(2);

    // A minute later the job asks again with the same key and the same parameters (expiry included), and gets its link.
    await runAt(new Date(FIXED_NOW.getTime() + 61_000));
    const requests = sessionRequests().filter((r) => r.headers["idempotency-key"] === `appointment-${appointment.id}-deposit`);
    expect(requests).toHaveLength(3);
    expect(requests[2]!.body).toEqual(requests[0]!.body);
    const [payment] = await paymentsOf(appointment.id);
    expect(payment).toMatchObject({ id: reserved!.id, state: "pending", stripeSessionId: expect.stringMatching(/^cs_test_/), checkoutUrl: expect.any(String) });
  }, 20_000);

  it("an appointment cancelled before the job runs gets no link, and the job ends quietly", async () => {
    const { appointment } = await book("Bartpflege", "2026-03-17", "16:00", "0176 55500011");
    await f.prisma.appointment.update({ where: { id: appointment.id }, data: { status: "cancelled" } });
    const before = sessionRequests().length;
    await run();
    expect(sessionRequests()).toHaveLength(before);
    expect(await paymentsOf(appointment.id)).toEqual([]);
    expect(await f.prisma.outboxJob.findFirstOrThrow({ where: { dedupeKey: `stripe:deposit:${appointment.id}` } })).toMatchObject({ state: "done" });
  });

  it("cancelling the appointment ends its open deposit link at Stripe", async () => {
    const { appointment, payment } = await bookWithLink("Bartpflege", "2026-03-17", "16:30", "0176 55500012");
    await cancelAppointment(f.ctx(DASHBOARD), { appointment_id: appointment.id });
    await run();
    expect(stripe.state.requestsTo("POST", `/v1/checkout/sessions/${payment.stripeSessionId}/expire`)).toHaveLength(1);
    expect(stripe.state.sessions.get(payment.stripeSessionId!)?.status).toBe("expired");
    expect(await f.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ state: "expired", error: "Termin abgesagt" });
  });

  it("a key Stripe refuses shows as down in the health check", async () => {
    await call("stripe.updateSettings", { secret_key: "sk_test_Widerrufen0000" });
    expect(await stripeHealth.run(f.ctx(ADMIN))).toMatchObject({ status: "down", message: "Stripe lehnt den geheimen Schlüssel ab." });
  });
});
