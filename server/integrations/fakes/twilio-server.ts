/**
 * An in-process Twilio Messages API for tests, local development and e2e runs:
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded, HTTP Basic auth. It
 * records every message, answers in Twilio's shapes and codes, and posts status callbacks
 * signed with the account's auth token (`X-Twilio-Signature`), as Twilio does.
 *
 *   const twilio = await startFakeTwilio({ accounts: [{ accountSid, authToken }] });
 *   // SMS_TWILIO_BASE_URL=twilio.url
 *   await twilio.sendStatusCallback(sid, "delivered");
 *
 * Numbers ending in 0000 are refused as invalid (21211); numbers ending in 9999 are accepted
 * and end "undelivered" (30005, unknown destination). Without `accounts`, any credentials that
 * look like Twilio's are accepted: an Account SID "AC" + 32 hex characters and an auth token of
 * 16 or more letters, digits, "_" or "-" (Twilio's own are 32 hex characters).
 */
import { randomBytes } from "node:crypto";
import { twilioSignature, TWILIO_SIGNATURE_HEADER } from "@/server/integrations/sms/twilio-signature";
import { FakeFaults, matchRoute, startFakeHttpServer, type FakeResponse, type FakeRoute, type RecordedRequest, type RunningFakeServer } from "./http-server";

export interface FakeTwilioAccount {
  accountSid: string;
  authToken: string;
}

export interface FakeTwilioOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** The only accounts accepted; default: any credentials that look like Twilio's. */
  accounts?: FakeTwilioAccount[];
  /** Posts "sent" and then the final status to a message's StatusCallback this long after accepting it; unset: only on request. */
  autoCallbackMs?: number;
}

export interface FakeTwilioMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
  status: string;
  segments: number;
  /** How delivery will end: null for delivered, else the Twilio error code of "undelivered". */
  failWith: string | null;
  createdAt: Date;
}

export interface PostedCallback {
  url: string;
  params: Record<string, string>;
  signature: string;
  /** The receiver's HTTP status; 0 when it could not be reached. */
  status: number;
}

export class FakeTwilioState extends FakeFaults {
  readonly messages = new Map<string, FakeTwilioMessage>();
  readonly callbacks: PostedCallback[] = [];
  readonly #undeliverable = new Map<string, string>();

  /** Messages to `to` are accepted but end "undelivered" with `errorCode` (default 30003: handset unreachable). */
  failDeliveryTo(to: string, errorCode = "30003"): void {
    this.#undeliverable.set(to, errorCode);
  }

  deliveryFailureFor(to: string): string | null {
    return this.#undeliverable.get(to) ?? (to.endsWith("9999") ? "30005" : null);
  }

  /** The messages in arrival order. */
  list(): FakeTwilioMessage[] {
    return [...this.messages.values()];
  }
}

export interface FakeTwilio {
  /** API host for SMS_TWILIO_BASE_URL, e.g. http://127.0.0.1:3104 */
  url: string;
  state: FakeTwilioState;
  /** Posts a signed status callback for a message (to its StatusCallback unless `url` is given); returns the receiver's status. */
  sendStatusCallback(sid: string, status: string, opts?: { url?: string; errorCode?: string; authToken?: string }): Promise<number>;
  /** Posts a signed inbound SMS ("A message comes in" webhook) to `url`; returns the receiver's status. */
  sendInbound(url: string, sms: { from: string; to: string; body: string; account: FakeTwilioAccount }): Promise<number>;
  /** down: connections are refused until it is up again (same port, same state). */
  setDown(down: boolean): Promise<void>;
  close(): Promise<void>;
}

const SID = /^AC[0-9a-f]{32}$/i;
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const MESSAGING_SERVICE = /^MG[0-9a-f]{32}$/i;
const E164 = /^\+[1-9]\d{6,14}$/;

export async function startFakeTwilio(options: FakeTwilioOptions = {}): Promise<FakeTwilio> {
  const state = new FakeTwilioState();
  const tokens = new Map<string, string>();
  const timers = new Set<NodeJS.Timeout>();

  async function post(url: string, params: Record<string, string>, authToken: string): Promise<number> {
    const signature = twilioSignature(authToken, url, params);
    const record: PostedCallback = { url, params, signature, status: 0 };
    state.callbacks.push(record);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", [TWILIO_SIGNATURE_HEADER]: signature, "user-agent": "TwilioProxy/1.1" },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      record.status = response.status;
    } catch {
      record.status = 0;
    }
    return record.status;
  }

  async function sendStatusCallback(sid: string, status: string, opts: { url?: string; errorCode?: string; authToken?: string } = {}): Promise<number> {
    const message = state.messages.get(sid);
    if (!message) throw new Error(`Unknown message ${sid}`);
    const url = opts.url ?? message.statusCallback;
    if (!url) throw new Error(`Message ${sid} has no StatusCallback`);
    message.status = status;
    const errorCode = opts.errorCode ?? (status === "undelivered" || status === "failed" ? (message.failWith ?? "30008") : undefined);
    const params: Record<string, string> = {
      AccountSid: message.accountSid,
      ApiVersion: "2010-04-01",
      From: message.from ?? "",
      MessageSid: sid,
      MessageStatus: status,
      SmsSid: sid,
      SmsStatus: status,
      To: message.to,
      ...(errorCode ? { ErrorCode: errorCode } : {}),
    };
    return post(url, params, opts.authToken ?? tokens.get(message.accountSid) ?? "");
  }

  function later(ms: number, run: () => Promise<unknown>): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void run().catch(() => undefined);
    }, ms);
    timers.add(timer);
  }

  function accepted(message: FakeTwilioMessage): void {
    const delay = options.autoCallbackMs;
    if (delay === undefined || !message.statusCallback) return;
    later(delay, async () => {
      await sendStatusCallback(message.sid, "sent");
      later(delay, () => sendStatusCallback(message.sid, message.failWith ? "undelivered" : "delivered"));
    });
  }

  const serve = (port?: number) =>
    startFakeHttpServer({
      port,
      faults: state,
      dialect: { errorBody: (status, message) => twilioError(status, status === 429 ? 20429 : 20500, message), rateLimitHeaders: (s) => ({ "retry-after": String(s) }) },
      parseBody: (raw) => ({ ok: true, value: Object.fromEntries(new URLSearchParams(raw)) }),
      handle: (request) => route(request),
    });

  function route(request: RecordedRequest): FakeResponse {
    const matched = matchRoute(routes, request);
    if (!matched) return twilioError(404, 20404, `The requested resource ${request.path} was not found`);
    const [, [accountSid = ""]] = matched;
    const auth = basicAuth(request);
    if (!auth || !accepts(auth)) return twilioError(401, 20003, "Authenticate");
    if (auth.user !== accountSid) return twilioError(404, 20404, `The requested resource ${request.path} was not found`);
    tokens.set(auth.user, auth.password);
    return createMessage(accountSid, request.body as Record<string, string>);
  }

  function accepts(auth: { user: string; password: string }): boolean {
    if (options.accounts) return options.accounts.some((a) => a.accountSid === auth.user && a.authToken === auth.password);
    return SID.test(auth.user) && TOKEN.test(auth.password);
  }

  function createMessage(accountSid: string, form: Record<string, string>): FakeResponse {
    const to = form.To ?? "";
    const body = form.Body ?? "";
    const from = form.From ?? null;
    const messagingServiceSid = form.MessagingServiceSid ?? null;
    if (!to) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (!E164.test(to) || to.endsWith("0000")) return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (!body) return twilioError(400, 21602, "Message body is required.");
    if (body.length > 1600) return twilioError(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
    if (!from && !messagingServiceSid) return twilioError(400, 21603, "A 'From' phone number is required.");
    if (messagingServiceSid && !MESSAGING_SERVICE.test(messagingServiceSid)) return twilioError(400, 21701, "The Messaging Service Sid is invalid.");
    if (from && !E164.test(from) && !/^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/.test(from)) {
      return twilioError(400, 21212, `The 'From' number ${from} is not a valid phone number, shortcode, or alphanumeric sender ID.`);
    }
    const message: FakeTwilioMessage = {
      sid: `SM${randomBytes(16).toString("hex")}`,
      accountSid,
      to,
      from,
      messagingServiceSid,
      body,
      statusCallback: form.StatusCallback ?? null,
      status: messagingServiceSid ? "accepted" : "queued",
      segments: segmentsOf(body),
      failWith: state.deliveryFailureFor(to),
      createdAt: new Date(),
    };
    state.messages.set(message.sid, message);
    accepted(message);
    return { status: 201, body: messageResource(message) };
  }

  let server: RunningFakeServer = await serve(options.port);
  const port = Number(new URL(server.origin).port);
  let down = false;

  return {
    url: server.origin,
    state,
    sendStatusCallback,
    sendInbound: (url, sms) =>
      post(
        url,
        {
          AccountSid: sms.account.accountSid,
          ApiVersion: "2010-04-01",
          Body: sms.body,
          From: sms.from,
          MessageSid: `SM${randomBytes(16).toString("hex")}`,
          NumMedia: "0",
          NumSegments: "1",
          SmsMessageSid: `SM${randomBytes(16).toString("hex")}`,
          SmsStatus: "received",
          To: sms.to,
        },
        sms.account.authToken,
      ),
    async setDown(next) {
      if (next === down) return;
      down = next;
      if (down) await server.close();
      else server = await serve(port);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      if (!down) await server.close();
      down = true;
    },
  };
}

const routes: Array<FakeRoute<null>> = [{ method: "POST", path: /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/, handle: null }];

function twilioError(status: number, code: number, message: string): FakeResponse {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

function basicAuth(request: RecordedRequest): { user: string; password: string } | null {
  const match = /^Basic (.+)$/.exec(request.headers.authorization ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function messageResource(m: FakeTwilioMessage) {
  const date = m.createdAt.toUTCString().replace("GMT", "+0000");
  return {
    account_sid: m.accountSid,
    api_version: "2010-04-01",
    body: m.body,
    date_created: date,
    date_sent: null,
    date_updated: date,
    direction: "outbound-api",
    error_code: null,
    error_message: null,
    from: m.from,
    messaging_service_sid: m.messagingServiceSid,
    num_media: "0",
    num_segments: String(m.segments),
    price: null,
    price_unit: "USD",
    sid: m.sid,
    status: m.status,
    to: m.to,
    uri: `/2010-04-01/Accounts/${m.accountSid}/Messages/${m.sid}.json`,
  };
}

// GSM 03.38: the basic table, and the extension table whose characters count twice.
const GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = "^{}\\[~]|€\f";

/** SMS parts Twilio would bill: GSM-7 160/153, otherwise UCS-2 70/67. */
export function segmentsOf(text: string): number {
  let gsmLength = 0;
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) gsmLength += 1;
    else if (GSM_EXTENSION.includes(ch)) gsmLength += 2;
    else {
      const units = [...text].length;
      return units <= 70 ? 1 : Math.ceil(units / 67);
    }
  }
  return gsmLength <= 160 ? 1 : Math.ceil(gsmLength / 153);
}
