/**
 * An in-process Stripe API for tests, local development and e2e runs, following Stripe's
 * documented shapes for what AskProAI calls: form-encoded bodies with bracketed keys
 * (`line_items[0][price_data][unit_amount]=2000`), `Authorization: Bearer sk_…` (401 for an
 * unknown key), `Idempotency-Key` (the first answer is replayed; the same key with other
 * parameters is refused), and the objects Checkout Sessions, PaymentIntents and Refunds.
 *
 *   const stripe = await startFakeStripe({ secretKeys: ["sk_test_123"] });
 *   // STRIPE_API_BASE_URL=stripe.url
 *   const event = stripe.completeSession(sessionId);      // the customer paid
 *   await stripe.sendWebhook(doorUrl, event, "whsec_…");  // signed like Stripe signs it
 *
 * Off-session PaymentIntents follow Stripe's test cards: `pm_card_authenticationRequired` ends
 * in the card error `authentication_required`, `pm_card_chargeDeclined` in `card_declined`,
 * every other `pm_…` succeeds.
 */
import { createHash, randomBytes } from "node:crypto";
import { stripeTestSignature, STRIPE_SIGNATURE_HEADER } from "@/server/integrations/stripe/client";
import { bearerToken, FakeFaults, matchRoute, startFakeHttpServer, type FakeResponse, type FakeRoute, type RecordedRequest, type RunningFakeServer } from "./http-server";

export interface FakeStripeOptions {
  /** 0 (default) picks a free port; stripe-mock's 12111 for `npm run fake:stripe`. */
  port?: number;
  /** The only secret keys accepted; default: any key that looks like Stripe's (sk_/rk_ + 8 or more characters). */
  secretKeys?: string[];
  /** The clock Checkout's `expires_at` is checked against (tests with a fixed clock pass theirs). */
  now?: () => Date;
}

type Json = Record<string, unknown>;

export interface FakeSession extends Json {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete" | "expired";
  payment_status: "paid" | "unpaid" | "no_payment_required";
  url: string | null;
  amount_total: number | null;
  currency: string | null;
  expires_at: number;
  metadata: Record<string, string>;
  payment_intent: string | null;
  setup_intent: string | null;
  customer: string | null;
}

export interface FakePaymentIntent extends Json {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  customer: string | null;
  payment_method: string | null;
  latest_charge: string | null;
  metadata: Record<string, string>;
}

export class FakeStripeState extends FakeFaults {
  readonly sessions = new Map<string, FakeSession>();
  readonly paymentIntents = new Map<string, FakePaymentIntent>();
  /** Per PaymentIntent: its charge's refunded amount. */
  readonly refunded = new Map<string, number>();
  readonly refunds: Json[] = [];
  /** Every webhook delivery made by sendWebhook, with the receiver's status. */
  readonly deliveries: Array<{ url: string; eventId: string; type: string; status: number }> = [];
  /** The bodies sent with each Idempotency-Key (first one wins). */
  readonly idempotency = new Map<string, { hash: string; response: FakeResponse }>();

  /** Requests that reached the API with this idempotency key. */
  requestsWithKey(key: string): RecordedRequest[] {
    return this.requests.filter((r) => r.headers["idempotency-key"] === key);
  }
}

export interface FakeStripe {
  /** API host for STRIPE_API_BASE_URL, e.g. http://127.0.0.1:40123 */
  url: string;
  state: FakeStripeState;
  /** The customer paid (or, with `paymentStatus: "unpaid"`, started a delayed payment): returns `checkout.session.completed`. */
  completeSession(sessionId: string, opts?: { paymentStatus?: "paid" | "unpaid" }): StripeEvent;
  /** The customer saved a card in a setup-mode session: returns `setup_intent.succeeded` (metadata from `setup_intent_data`). */
  completeSetupSession(sessionId: string, opts?: { paymentMethod?: string }): StripeEvent;
  /** The session ran out unpaid: returns `checkout.session.expired`. */
  expireSession(sessionId: string): StripeEvent;
  /** `charge.refunded` for a PaymentIntent as it stands now. */
  chargeRefundedEvent(paymentIntentId: string): StripeEvent;
  /** A card saved in a setup-mode Checkout (with the customer's consent): `setup_intent.succeeded`. */
  cardSavedEvent(opts: { metadata: Record<string, string>; paymentMethod?: string; customer?: string }): StripeEvent;
  /** Any event around an object. */
  event(type: string, object: Json): StripeEvent;
  /** POSTs the event to `url`, signed with `secret` (or with the given header); returns the receiver's status and body. */
  sendWebhook(url: string, event: StripeEvent, secret: string, opts?: { signature?: string; rawBody?: string }): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface StripeEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  type: string;
  data: { object: Json };
}

const KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9]{8,}$/;

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const state = new FakeStripeState();
  const now = options.now ?? (() => new Date());
  const unix = () => Math.floor(now().getTime() / 1000);
  let origin = "";

  const handlers = {
    createSession: (form: Json) => createSession(form),
    getSession: (_form: Json, id: string) => found(state.sessions.get(id), "checkout.session", id),
    expireSessionRoute: (_form: Json, id: string) => {
      const session = state.sessions.get(id);
      if (!session) return missing("checkout.session", id);
      if (session.status !== "open") return invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`, null);
      session.status = "expired";
      session.url = null;
      return ok(session);
    },
    createRefund: (form: Json) => createRefund(form),
    createPaymentIntent: (form: Json) => createPaymentIntent(form),
    getPaymentIntent: (_form: Json, id: string) => found(state.paymentIntents.get(id), "payment_intent", id),
    balance: () => ok({ object: "balance", available: [{ amount: 0, currency: "eur" }], pending: [{ amount: 0, currency: "eur" }], livemode: false }),
  };
  type Handler = (form: Json, id: string) => FakeResponse;
  const routes: Array<FakeRoute<Handler>> = [
    { method: "POST", path: /^\/v1\/checkout\/sessions$/, handle: handlers.createSession },
    { method: "GET", path: /^\/v1\/checkout\/sessions\/([^/]+)$/, handle: handlers.getSession },
    { method: "POST", path: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/, handle: handlers.expireSessionRoute },
    { method: "POST", path: /^\/v1\/refunds$/, handle: handlers.createRefund },
    { method: "POST", path: /^\/v1\/payment_intents$/, handle: handlers.createPaymentIntent },
    { method: "GET", path: /^\/v1\/payment_intents\/([^/]+)$/, handle: handlers.getPaymentIntent },
    { method: "GET", path: /^\/v1\/balance$/, handle: handlers.balance },
  ];

  function route(request: RecordedRequest): FakeResponse {
    const key = bearerToken(request) ?? "";
    if (!(options.secretKeys ? options.secretKeys.includes(key) : KEY.test(key))) {
      return stripeError(401, { type: "invalid_request_error", message: `Invalid API Key provided: ${key.slice(0, 8)}****` });
    }
    const matched = matchRoute(routes, request);
    if (!matched) return stripeError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${request.method}: ${request.path}).` });
    const [r, [id = ""]] = matched;
    const form = (request.body ?? {}) as Json;
    const idempotencyKey = request.method === "POST" ? request.headers["idempotency-key"] : undefined;
    if (typeof idempotencyKey !== "string") return r.handle(form, id);
    const hash = createHash("sha256").update(`${request.path}\n${JSON.stringify(form)}`).digest("hex");
    const earlier = state.idempotency.get(idempotencyKey);
    if (earlier) {
      if (earlier.hash !== hash) {
        return stripeError(400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
        });
      }
      return { ...earlier.response, headers: { ...earlier.response.headers, "idempotent-replayed": "true" } };
    }
    const response = r.handle(form, id);
    state.idempotency.set(idempotencyKey, { hash, response });
    return response;
  }

  function createSession(form: Json): FakeResponse {
    const mode = str(form.mode);
    if (!mode || !["payment", "setup", "subscription"].includes(mode)) return invalid("Missing required param: mode.", "mode");
    const lineItems = Array.isArray(form.line_items) ? (form.line_items as Json[]) : [];
    if (mode === "payment" && lineItems.length === 0) return invalid("You must provide at least one line item in payment mode.", "line_items");
    let amount = 0;
    let currency: string | null = null;
    for (const [i, item] of lineItems.entries()) {
      const priceData = (item.price_data ?? {}) as Json;
      const unitAmount = Number(priceData.unit_amount);
      const quantity = Number(item.quantity ?? 1);
      if (!Number.isInteger(unitAmount) || unitAmount < 1) return invalid("Invalid integer: unit_amount", `line_items[${i}][price_data][unit_amount]`);
      if (!str((priceData.product_data as Json | undefined)?.name)) return invalid("Missing required param: line_items[0][price_data][product_data][name].", `line_items[${i}][price_data][product_data][name]`);
      currency = str(priceData.currency) ?? null;
      if (!currency) return invalid("Missing required param: currency.", `line_items[${i}][price_data][currency]`);
      amount += unitAmount * quantity;
    }
    if (mode === "setup" && !str(form.currency) && !form.payment_method_types) return invalid("Missing required param: currency.", "currency");
    if (!str(form.success_url) && form.ui_mode !== "embedded") return invalid("Missing required param: success_url.", "success_url");
    const expiresAt = form.expires_at === undefined ? unix() + 24 * 3600 : Number(form.expires_at);
    if (!Number.isInteger(expiresAt) || expiresAt < unix() + 30 * 60 - 5 || expiresAt > unix() + 24 * 3600 + 5) {
      return invalid("The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.", "expires_at");
    }
    const metadata = checkedMetadata(form.metadata);
    if (typeof metadata === "string") return invalid(metadata, "metadata");
    const intentData = (form.payment_intent_data ?? {}) as Json;
    const setupData = (form.setup_intent_data ?? {}) as Json;
    const id = `cs_test_${token(24)}`;
    const session: FakeSession = {
      id,
      object: "checkout.session",
      mode,
      status: "open",
      payment_status: "unpaid",
      url: `${origin}/c/pay/${id}`,
      amount_total: mode === "payment" ? amount : null,
      currency: currency ?? str(form.currency) ?? null,
      expires_at: expiresAt,
      created: unix(),
      metadata,
      client_reference_id: str(form.client_reference_id) ?? null,
      customer: str(form.customer) ?? null,
      customer_email: str(form.customer_email) ?? null,
      locale: str(form.locale) ?? null,
      success_url: str(form.success_url) ?? null,
      cancel_url: str(form.cancel_url) ?? null,
      payment_intent: null,
      setup_intent: null,
      livemode: false,
      // Not part of Stripe's session object: kept for the PaymentIntent made when it is paid.
      _payment_intent_data: { metadata: checkedMetadataOrEmpty(intentData.metadata), description: str(intentData.description) ?? null },
      _setup_intent_data: { metadata: checkedMetadataOrEmpty(setupData.metadata) },
      _customer_creation: str(form.customer_creation) ?? null,
    };
    state.sessions.set(id, session);
    return ok(publicSession(session));
  }

  function createRefund(form: Json): FakeResponse {
    const piId = str(form.payment_intent);
    if (!piId) return invalid("One of the following params should be provided for this request: payment_intent or charge.", "payment_intent");
    const pi = state.paymentIntents.get(piId);
    if (!pi) return missing("payment_intent", piId, "payment_intent");
    if (pi.status !== "succeeded") return invalid(`This PaymentIntent (${piId}) does not have a successful charge to refund.`, "payment_intent");
    const already = state.refunded.get(piId) ?? 0;
    const left = pi.amount_received - already;
    const amount = form.amount === undefined ? left : Number(form.amount);
    if (left <= 0) return stripeError(400, { type: "invalid_request_error", code: "charge_already_refunded", message: `Charge ${pi.latest_charge} has already been refunded.` });
    if (!Number.isInteger(amount) || amount < 1 || amount > left) {
      return stripeError(400, { type: "invalid_request_error", code: "amount_too_large", param: "amount", message: `Refund amount (€${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge (€${(left / 100).toFixed(2)})` });
    }
    state.refunded.set(piId, already + amount);
    const refund = {
      id: `re_${token(24)}`,
      object: "refund",
      amount,
      currency: pi.currency,
      charge: pi.latest_charge,
      payment_intent: piId,
      reason: str(form.reason) ?? null,
      metadata: checkedMetadataOrEmpty(form.metadata),
      status: "succeeded",
      created: unix(),
    };
    state.refunds.push(refund);
    return ok(refund);
  }

  function createPaymentIntent(form: Json): FakeResponse {
    const amount = Number(form.amount);
    const currency = str(form.currency);
    if (!Number.isInteger(amount) || amount < 50) return invalid("Amount must be at least €0.50 eur", "amount");
    if (!currency) return invalid("Missing required param: currency.", "currency");
    const offSession = form.off_session === "true";
    const confirm = form.confirm === "true";
    const paymentMethod = str(form.payment_method) ?? null;
    if (offSession && !confirm) return invalid("You may only specify `off_session` when `confirm` is true.", "off_session");
    if (confirm && !paymentMethod) return invalid("You must provide a payment_method to confirm this PaymentIntent.", "payment_method");
    if (paymentMethod && !paymentMethod.startsWith("pm_")) return missing("payment_method", paymentMethod, "payment_method");
    const pi: FakePaymentIntent = {
      id: `pi_${token(24)}`,
      object: "payment_intent",
      amount,
      amount_received: 0,
      currency,
      status: confirm ? "processing" : "requires_payment_method",
      customer: str(form.customer) ?? null,
      payment_method: paymentMethod,
      latest_charge: null,
      metadata: checkedMetadataOrEmpty(form.metadata),
      description: str(form.description) ?? null,
      created: unix(),
      livemode: false,
    };
    state.paymentIntents.set(pi.id, pi);
    if (!confirm) return ok(pi);
    const failure =
      paymentMethod === "pm_card_authenticationRequired"
        ? { code: "authentication_required", decline_code: "authentication_required", message: "Your card was declined. This transaction requires authentication." }
        : paymentMethod === "pm_card_chargeDeclined"
          ? { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." }
          : null;
    if (failure) {
      pi.status = "requires_payment_method";
      pi.last_payment_error = { type: "card_error", ...failure };
      return stripeError(402, { type: "card_error", ...failure, payment_intent: pi });
    }
    succeed(pi);
    return ok(pi);
  }

  function succeed(pi: FakePaymentIntent): void {
    pi.status = "succeeded";
    pi.amount_received = pi.amount;
    pi.latest_charge = `ch_${token(24)}`;
  }

  function event(type: string, object: Json): StripeEvent {
    return { id: `evt_${token(24)}`, object: "event", api_version: "2026-10-28.endive", created: unix(), livemode: false, pending_webhooks: 1, type, data: { object } };
  }

  function sessionOrThrow(id: string): FakeSession {
    const session = state.sessions.get(id);
    if (!session) throw new Error(`Unknown Checkout Session ${id}`);
    return session;
  }

  const server: RunningFakeServer = await startFakeHttpServer({
    port: options.port,
    faults: state,
    dialect: {
      errorBody: (status, message) => ({ error: { type: status === 429 ? "rate_limit_error" : "api_error", message } }),
      rateLimitHeaders: () => ({}),
    },
    parseBody: (raw) => ({ ok: true, value: parseForm(raw) }),
    handle: route,
  });
  origin = server.origin;

  return {
    url: server.origin,
    state,
    completeSession(sessionId, opts = {}) {
      const session = sessionOrThrow(sessionId);
      const intentData = session._payment_intent_data as { metadata: Record<string, string>; description: string | null };
      const pi: FakePaymentIntent = {
        id: `pi_${token(24)}`,
        object: "payment_intent",
        amount: session.amount_total ?? 0,
        amount_received: 0,
        currency: session.currency ?? "eur",
        status: "processing",
        customer: session.customer,
        payment_method: `pm_${token(24)}`,
        latest_charge: null,
        metadata: intentData.metadata,
        description: intentData.description,
        created: unix(),
        livemode: false,
      };
      if (opts.paymentStatus !== "unpaid") succeed(pi);
      state.paymentIntents.set(pi.id, pi);
      session.status = "complete";
      session.payment_status = opts.paymentStatus ?? "paid";
      session.payment_intent = pi.id;
      session.url = null;
      return event("checkout.session.completed", publicSession(session));
    },
    completeSetupSession(sessionId, opts = {}) {
      const session = sessionOrThrow(sessionId);
      if (session.mode !== "setup") throw new Error(`Checkout Session ${sessionId} is not in setup mode`);
      const customer = session.customer ?? (session._customer_creation === "always" ? `cus_${token(14)}` : null);
      const setupIntent = {
        id: `seti_${token(24)}`,
        object: "setup_intent",
        status: "succeeded",
        usage: "off_session",
        customer,
        payment_method: opts.paymentMethod ?? "pm_card_visa",
        metadata: (session._setup_intent_data as { metadata: Record<string, string> }).metadata,
      };
      session.status = "complete";
      session.payment_status = "no_payment_required";
      session.setup_intent = setupIntent.id;
      session.customer = customer;
      session.url = null;
      return event("setup_intent.succeeded", setupIntent);
    },
    expireSession(sessionId) {
      const session = sessionOrThrow(sessionId);
      session.status = "expired";
      session.url = null;
      return event("checkout.session.expired", publicSession(session));
    },
    chargeRefundedEvent(paymentIntentId) {
      const pi = state.paymentIntents.get(paymentIntentId);
      if (!pi?.latest_charge) throw new Error(`PaymentIntent ${paymentIntentId} has no charge`);
      const refunded = state.refunded.get(pi.id) ?? 0;
      return event("charge.refunded", {
        id: pi.latest_charge,
        object: "charge",
        amount: pi.amount_received,
        amount_refunded: refunded,
        refunded: refunded >= pi.amount_received,
        currency: pi.currency,
        payment_intent: pi.id,
        metadata: pi.metadata,
        status: "succeeded",
      });
    },
    cardSavedEvent(opts) {
      return event("setup_intent.succeeded", {
        id: `seti_${token(24)}`,
        object: "setup_intent",
        status: "succeeded",
        usage: "off_session",
        customer: opts.customer ?? `cus_${token(14)}`,
        payment_method: opts.paymentMethod ?? "pm_card_visa",
        metadata: opts.metadata,
      });
    },
    event,
    async sendWebhook(url, ev, secret, opts = {}) {
      const rawBody = opts.rawBody ?? JSON.stringify(ev, null, 2);
      const signature = opts.signature ?? stripeTestSignature(rawBody, secret);
      let status = 0;
      let body: unknown = null;
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json; charset=utf-8", [STRIPE_SIGNATURE_HEADER]: signature, "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" },
          body: rawBody,
          signal: AbortSignal.timeout(10_000),
        });
        status = response.status;
        const text = await response.text();
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      } catch {
        status = 0;
      }
      state.deliveries.push({ url, eventId: ev.id, type: ev.type, status });
      return { status, body };
    },
    close: () => server.close(),
  };
}

/** The session as Stripe shows it (without the fake's own bookkeeping). */
function publicSession(session: FakeSession): Json {
  const { _payment_intent_data: _p, _setup_intent_data: _s, _customer_creation: _c, ...rest } = session;
  return rest;
}

function ok(body: Json): FakeResponse {
  return { status: 200, body, headers: { "request-id": `req_${token(14)}` } };
}

function found(object: Json | undefined, kind: string, id: string): FakeResponse {
  return object ? ok(object.object === "checkout.session" ? publicSession(object as FakeSession) : object) : missing(kind, id);
}

function missing(kind: string, id: string, param = "id"): FakeResponse {
  return stripeError(404, { type: "invalid_request_error", code: "resource_missing", param, message: `No such ${kind.replace(/^checkout\./, "checkout ")}: '${id}'` });
}

function invalid(message: string, param: string | null): FakeResponse {
  return stripeError(400, { type: "invalid_request_error", message, ...(param ? { param } : {}) });
}

function stripeError(status: number, error: Json): FakeResponse {
  return { status, body: { error: { ...error, request_log_url: "https://dashboard.stripe.com/test/logs" } } };
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function token(length: number): string {
  return randomBytes(length).toString("base64url").replace(/[-_]/g, "a").slice(0, length);
}

/** Stripe's metadata limits: at most 50 keys, keys up to 40 and values up to 500 characters. */
function checkedMetadata(value: unknown): Record<string, string> | string {
  const entries = value && typeof value === "object" ? Object.entries(value as Json) : [];
  if (entries.length > 50) return "You can specify up to 50 keys.";
  for (const [k, v] of entries) {
    if (k.length > 40) return `Metadata keys can have up to 40 characters: ${k}`;
    if (typeof v !== "string" || v.length > 500) return `Metadata values can have up to 500 characters: ${k}`;
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

function checkedMetadataOrEmpty(value: unknown): Record<string, string> {
  const checked = checkedMetadata(value);
  return typeof checked === "string" ? {} : checked;
}

/** `a[b][0][c]=v&a[b][1][c]=w` → `{ a: { b: [{ c: "v" }, { c: "w" }] } }`, as Stripe reads its form bodies. */
export function parseForm(raw: string): Json {
  const root: Json = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    const path = name.replace(/\]/g, "").split("[");
    let node: Json | unknown[] = root;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const key: string | number = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        if (part === "" && Array.isArray(node)) node.push(value);
        else container[key] = value;
        return;
      }
      const nextIsIndex = /^\d*$/.test(path[i + 1] ?? "");
      container[key] ??= nextIsIndex ? [] : {};
      node = container[key] as Json | unknown[];
    });
  }
  return root;
}
