/**
 * The Stripe SDK, pointed at Stripe or (tests, local development) at the fake in
 * `server/integrations/fakes/stripe-server.ts` through the base URL (STRIPE_API_BASE_URL).
 * One client per company key; the SDK brings its own retries (safe: every POST we make carries
 * an Idempotency-Key) and sends the API version it is pinned to.
 */
import Stripe from "stripe";

export interface StripeClientOptions {
  /** e.g. https://api.stripe.com or http://127.0.0.1:12111 */
  baseUrl: string;
  /** Per request; Stripe's default of 80 s is far too long for a dashboard click or a job. */
  timeoutMs?: number;
  /** The SDK's own retries of network errors, 409 and 5xx (default 1). */
  maxNetworkRetries?: number;
  /** Overrides the version the SDK is pinned to (only for accounts that need an older one). */
  apiVersion?: string;
}

export const STRIPE_DEFAULT_TIMEOUT_MS = 15_000;

export function createStripeClient(secretKey: string, options: StripeClientOptions): Stripe {
  const url = new URL(options.baseUrl);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return new Stripe(secretKey, {
    host: url.hostname,
    port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443,
    protocol,
    maxNetworkRetries: options.maxNetworkRetries ?? 1,
    timeout: options.timeoutMs ?? STRIPE_DEFAULT_TIMEOUT_MS,
    telemetry: false,
    ...(options.apiVersion ? { apiVersion: options.apiVersion as Stripe.StripeConfig["apiVersion"] } : {}),
  });
}

/** The `Stripe-Signature` header of webhook deliveries. */
export const STRIPE_SIGNATURE_HEADER = "stripe-signature";

/**
 * The verified event of a webhook delivery (HMAC-SHA256 over `t.rawBody`, 300 s tolerance);
 * throws Stripe's `StripeSignatureVerificationError` when the header does not match.
 */
export function verifyStripeEvent(rawBody: string, signature: string, secret: string): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, signature, secret);
}

/** A signature header for a payload, as Stripe sends it (tests and the fake). */
export function stripeTestSignature(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp === undefined ? {} : { timestamp }) });
}

export { Stripe };
