/**
 * An in-process seven.io SMS API for tests, local development and e2e runs: `POST /api/sms`
 * with `X-Api-Key`, JSON or form body. Like seven.io it answers HTTP 200 and puts the result in
 * `success` ("100" sent, "202" bad recipient, ...), or answers a bare code (900: bad key, 500:
 * no credit). Delivery reports ("dlr" webhooks) are posted as JSON, signed with `X-Signature`
 * when a signing secret is given.
 *
 *   const seven = await startFakeSeven({ apiKeys: ["key"], dlrUrl, signingSecret });
 *   // SMS_SEVEN_BASE_URL=seven.url
 *
 * Numbers ending in 0000 are refused (202); numbers ending in 9999 are accepted and reported
 * NOTDELIVERED. Without `apiKeys`, any key that looks like one is accepted: 16 or more letters,
 * digits, "_" or "-".
 */
import { randomBytes, randomInt } from "node:crypto";
import { SEVEN_NONCE_HEADER, SEVEN_SIGNATURE_HEADER, SEVEN_TIMESTAMP_HEADER, sevenSignature } from "@/server/integrations/sms/seven-signature";
import { FakeFaults, parseJson, startFakeHttpServer, type FakeResponse, type RecordedRequest, type RunningFakeServer } from "./http-server";
import { segmentsOf } from "./twilio-server";

export interface FakeSevenOptions {
  port?: number;
  /** The only keys accepted; default: any that look like a seven.io key. */
  apiKeys?: string[];
  /** Where delivery reports go (seven.io: the account's "dlr" webhook). */
  dlrUrl?: string;
  /** Signs delivery reports with X-Signature when set. */
  signingSecret?: string;
  /** Posts the delivery report this long after accepting a message (needs `dlrUrl`); unset: only on request. */
  autoDlrMs?: number;
}

export interface FakeSevenMessage {
  id: string;
  apiKey: string;
  to: string;
  from: string | null;
  text: string;
  foreignId: string | null;
  parts: number;
  /** How delivery will end: DELIVERED or NOTDELIVERED. */
  finalStatus: "DELIVERED" | "NOTDELIVERED";
  createdAt: Date;
}

export interface PostedReport {
  url: string;
  body: string;
  headers: Record<string, string>;
  status: number;
}

export class FakeSevenState extends FakeFaults {
  readonly messages = new Map<string, FakeSevenMessage>();
  readonly reports: PostedReport[] = [];
  /** Euro left; at 0 every send is answered 500 (no credit). */
  balance = 100;
  readonly #undeliverable = new Set<string>();

  failDeliveryTo(to: string): void {
    this.#undeliverable.add(to);
  }

  finalStatusFor(to: string): "DELIVERED" | "NOTDELIVERED" {
    return this.#undeliverable.has(to) || to.replace(/^\+/, "").endsWith("9999") ? "NOTDELIVERED" : "DELIVERED";
  }

  list(): FakeSevenMessage[] {
    return [...this.messages.values()];
  }
}

export interface FakeSeven {
  /** API host for SMS_SEVEN_BASE_URL, e.g. http://127.0.0.1:3105 */
  url: string;
  state: FakeSevenState;
  /** Posts a delivery report for a message; returns the receiver's status (0: unreachable). */
  sendDeliveryReport(msgId: string, status: string, opts?: { url?: string; signingSecret?: string | null; timestamp?: number }): Promise<number>;
  setDown(down: boolean): Promise<void>;
  close(): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-]{16,200}$/;
const PRICE = 0.075;

export async function startFakeSeven(options: FakeSevenOptions = {}): Promise<FakeSeven> {
  const state = new FakeSevenState();
  const timers = new Set<NodeJS.Timeout>();

  async function sendDeliveryReport(
    msgId: string,
    status: string,
    opts: { url?: string; signingSecret?: string | null; timestamp?: number } = {},
  ): Promise<number> {
    const url = opts.url ?? options.dlrUrl;
    if (!url) throw new Error("No delivery report URL");
    const now = opts.timestamp ? new Date(opts.timestamp * 1000) : new Date();
    const stamp = now.toISOString().replace("T", " ").replace("Z", "");
    const body = JSON.stringify({ webhook_event: "dlr", webhook_timestamp: stamp.slice(0, 19), data: { msg_id: msgId, status, timestamp: stamp } });
    const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "seven.io webhook" };
    const secret = opts.signingSecret === undefined ? options.signingSecret : opts.signingSecret;
    if (secret) {
      const timestamp = String(Math.floor(now.getTime() / 1000));
      const nonce = randomBytes(16).toString("hex");
      headers[SEVEN_TIMESTAMP_HEADER] = timestamp;
      headers[SEVEN_NONCE_HEADER] = nonce;
      headers[SEVEN_SIGNATURE_HEADER] = sevenSignature(secret, { timestamp, nonce, method: "POST", url, body });
    }
    const report: PostedReport = { url, body, headers, status: 0 };
    state.reports.push(report);
    try {
      const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      report.status = response.status;
    } catch {
      report.status = 0;
    }
    return report.status;
  }

  function accepted(message: FakeSevenMessage): void {
    if (options.autoDlrMs === undefined || !options.dlrUrl) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void sendDeliveryReport(message.id, message.finalStatus).catch(() => undefined);
    }, options.autoDlrMs);
    timers.add(timer);
  }

  function route(request: RecordedRequest): FakeResponse {
    if (request.method !== "POST" || request.path !== "/api/sms") return { status: 404, body: { message: "Not Found" } };
    const key = request.headers["x-api-key"];
    const apiKey = typeof key === "string" ? key : "";
    if (!(options.apiKeys ? options.apiKeys.includes(apiKey) : KEY.test(apiKey))) return { status: 200, body: 900 };
    const params = (request.body ?? {}) as Record<string, unknown>;
    const to = String(params.to ?? "").trim();
    const text = String(params.text ?? "");
    const from = params.from === undefined ? null : String(params.from);
    if (!to) return { status: 200, body: 301 };
    if (!text) return { status: 200, body: 305 };
    if (text.length > 1520) return { status: 200, body: 401 };
    if (from !== null && !/^[A-Za-z0-9 ]{1,11}$/.test(from) && !/^\+?\d{1,16}$/.test(from)) return { status: 200, body: 306 };
    if (state.balance <= 0) return { status: 200, body: 500 };
    const recipients = to.split(",").map((r) => r.trim());
    const messages = recipients.map((recipient) => {
      const valid = /^\+?[1-9]\d{6,14}$/.test(recipient) && !recipient.endsWith("0000");
      if (!valid) {
        return { id: null, sender: from ?? "seven.io", recipient, text, encoding: "gsm", label: null, parts: 1, price: 0, success: false, error: "202", error_text: "Invalid recipient", is_binary: false, udh: null };
      }
      const message: FakeSevenMessage = {
        id: String(77_000_000_000 + randomInt(999_999_999)),
        apiKey,
        to: recipient.startsWith("+") ? recipient : `+${recipient}`,
        from,
        text,
        foreignId: params.foreign_id === undefined ? null : String(params.foreign_id),
        parts: segmentsOf(text),
        finalStatus: state.finalStatusFor(recipient),
        createdAt: new Date(),
      };
      state.messages.set(message.id, message);
      state.balance -= PRICE * message.parts;
      accepted(message);
      return { id: message.id, sender: from ?? "seven.io", recipient, text, encoding: "gsm", label: null, parts: message.parts, price: PRICE * message.parts, success: true, error: null, error_text: null, is_binary: false, udh: null };
    });
    const sent = messages.filter((m) => m.success).length;
    const success = sent === messages.length ? "100" : sent > 0 ? "101" : "202";
    return {
      status: 200,
      body: { success, total_price: messages.reduce((sum, m) => sum + m.price, 0), balance: state.balance, debug: "false", sms_type: "direct", messages },
    };
  }

  const serve = (port?: number) =>
    startFakeHttpServer({
      port,
      faults: state,
      dialect: { errorBody: (_status, message) => ({ message }), rateLimitHeaders: (s) => ({ "retry-after": String(s) }) },
      parseBody: (raw, contentType) =>
        contentType?.includes("application/x-www-form-urlencoded") ? { ok: true, value: Object.fromEntries(new URLSearchParams(raw)) } : parseJson(raw),
      handle: route,
    });

  let server: RunningFakeServer = await serve(options.port);
  const port = Number(new URL(server.origin).port);
  let down = false;

  return {
    url: server.origin,
    state,
    sendDeliveryReport,
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
