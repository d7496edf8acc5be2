/**
 * The fake Stripe API against the real `stripe` SDK over HTTP: what AskProAI relies on behaves
 * as Stripe documents it (Bearer key, Idempotency-Key replay, form-encoded nested parameters).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStripeClient, Stripe } from "@/server/integrations/stripe/client";
import { parseForm, startFakeStripe, type FakeStripe } from "./stripe-server";

const KEY = "sk_test_FakeServer0001";
let fake: FakeStripe;
const session = (amount: number) => ({
  mode: "payment" as const,
  line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: amount, product_data: { name: "Anzahlung" } } }],
  success_url: "https://termine.example.de/zahlung",
});

beforeAll(async () => {
  fake = await startFakeStripe({ secretKeys: [KEY] });
});
afterAll(() => fake.close());

describe("fake Stripe", () => {
  it("refuses an unknown key with 401 (the SDK's StripeAuthenticationError)", async () => {
    const wrong = createStripeClient("sk_test_Unbekannt0000", { baseUrl: fake.url, maxNetworkRetries: 0 });
    const error = await wrong.checkout.sessions.create(session(2000)).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it("replays the first answer for the same Idempotency-Key and refuses the key with other parameters", async () => {
    const stripe = createStripeClient(KEY, { baseUrl: fake.url, maxNetworkRetries: 0 });
    const first = await stripe.checkout.sessions.create(session(2000), { idempotencyKey: "k-1" });
    const again = await stripe.checkout.sessions.create(session(2000), { idempotencyKey: "k-1" });
    expect(again.id).toBe(first.id);
    expect(fake.state.sessions.size).toBe(1);
    const other = await stripe.checkout.sessions.create(session(2500), { idempotencyKey: "k-1" }).then(() => null, (e: unknown) => e);
    expect(other).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(first).toMatchObject({ object: "checkout.session", status: "open", payment_status: "unpaid", amount_total: 2000, currency: "eur" });
    expect((await stripe.checkout.sessions.retrieve(first.id)).id).toBe(first.id);
    expect((await stripe.checkout.sessions.expire(first.id)).status).toBe("expired");
  });

  it("reads Stripe's bracketed form keys", () => {
    expect(parseForm("line_items[0][price_data][unit_amount]=2000&line_items[0][quantity]=1&metadata[a]=b&mode=payment")).toEqual({
      line_items: [{ price_data: { unit_amount: "2000" }, quantity: "1" }],
      metadata: { a: "b" },
      mode: "payment",
    });
  });
});
