/**
 * Outbound HTTP for company-configured functions, guarded against server-side request
 * forgery: only http(s), every resolved address checked (loopback, private, link-local,
 * multicast and reserved ranges are refused unless explicitly allowed for development),
 * the connection pinned to the checked address, no redirects, a deadline and a size cap.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { AppError, ErrorCodes } from "@/server/errors";

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
  ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128], ["::1", 128], ["100::", 64], ["2001:db8::", 32], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** True for addresses no configured function may reach in production. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const embedded = embeddedIpv4(address);
  if (embedded) return blocked.check(embedded, "ipv4");
  return blocked.check(address, "ipv6");
}

/** IPv4 inside IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible and NAT64 (64:ff9b::/96) IPv6 addresses. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export interface SafeRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Development only: lets loopback and private addresses through. */
  allowPrivate: boolean;
}

export interface SafeResponse {
  status: number;
  contentType: string | null;
  body: string;
}

const refusedTarget = () => new AppError(ErrorCodes.FORBIDDEN, "Die Adresse dieser Funktion ist nicht erlaubt.");
const unreachable = () =>
  new AppError(ErrorCodes.RATE_LIMITED, "Der externe Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.", {
    retryAfter: 30,
  });

export async function safeRequest(req: SafeRequest): Promise<SafeResponse> {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw refusedTarget();
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password) throw refusedTarget();
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolveAll(host);
  if (!req.allowPrivate && addresses.some((a) => isBlockedAddress(a.address))) throw refusedTarget();
  const pinned = addresses[0];
  // Connect to the address just checked, never to a second DNS answer (rebinding).
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: typeof addresses) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  return send(url, req, lookup);
}

async function resolveAll(host: string): Promise<Array<{ address: string; family: number }>> {
  try {
    const found = await dnsLookup(host, { all: true, verbatim: true });
    if (found.length === 0) throw unreachable();
    return found;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreachable();
  }
}

function send(url: URL, req: SafeRequest, lookup: LookupFunction): Promise<SafeResponse> {
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: AppError | null, response?: SafeResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (error) reject(error);
      else resolve(response!);
    };
    const outgoing = transport.request(
      url,
      { method: req.method, headers: req.headers, lookup, agent: false },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          res.destroy();
          finish(new AppError(ErrorCodes.INVALID_INPUT, "Der externe Dienst leitet weiter; Weiterleitungen werden nicht befolgt."));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > req.maxResponseBytes) {
            res.destroy();
            outgoing.destroy();
            finish(new AppError(ErrorCodes.INVALID_INPUT, "Die Antwort des externen Dienstes ist zu groß."));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () =>
          finish(null, { status, contentType: res.headers["content-type"] ?? null, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", () => finish(unreachable()));
      },
    );
    const deadline = setTimeout(() => {
      outgoing.destroy();
      finish(
        new AppError(ErrorCodes.RATE_LIMITED, "Der externe Dienst hat nicht rechtzeitig geantwortet.", { retryAfter: 30 }),
      );
    }, req.timeoutMs);
    outgoing.on("error", () => finish(unreachable()));
    outgoing.end(req.body);
  });
}
