/**
 * Outbound HTTP to URLs a company configured (its Cal.com base URL, its external_api
 * functions), guarded against server-side request forgery: https only, the name resolved and
 * every address checked (./address-policy.ts), the connection pinned to the checked address so
 * a second DNS answer cannot redirect it, no redirects followed, a deadline and a size cap.
 * Plain http and loopback/private addresses pass only when the operator sets
 * ALLOW_INSECURE_OUTBOUND_HTTP (development and tests against local fakes). An operator may
 * also restrict Cal.com to a list of hosts (CALCOM_ALLOWED_HOSTS).
 */
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { env } from "@/server/platform/env";
import { isPublicAddress } from "./address-policy";

export type OutboundTarget = "calcom" | "function";

interface Resolved {
  address: string;
  family: number;
}

const MAX_URL_CHARS = 2000;

function refused(target: OutboundTarget, why: string): AppError {
  if (target === "function") return new AppError(ErrorCodes.FORBIDDEN, "Die Adresse dieser Funktion ist nicht erlaubt.");
  return new AppError(ErrorCodes.INVALID_INPUT, `Diese Cal.com-Adresse ist nicht erlaubt: ${why}.`);
}

function allowedHosts(target: OutboundTarget): Set<string> | null {
  const list = target === "calcom" ? env().CALCOM_ALLOWED_HOSTS : undefined;
  return list ? new Set(list.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean)) : null;
}

/**
 * The checks that need no network: a parsable https URL without credentials, on the operator's
 * allow-list if there is one, and not a literal private address or a local name. Used when a
 * company saves a URL (a clear answer in its form) and again before every request.
 */
export function checkOutboundUrl(raw: string, target: OutboundTarget): URL {
  let url: URL;
  try {
    if (raw.length > MAX_URL_CHARS) throw new Error("too long");
    url = new URL(raw);
  } catch {
    throw refused(target, "keine gültige Adresse");
  }
  const insecure = env().ALLOW_INSECURE_OUTBOUND_HTTP;
  if (url.protocol !== "https:" && !(insecure && url.protocol === "http:")) throw refused(target, "nur https-Adressen sind erlaubt");
  if (url.username || url.password) throw refused(target, "Zugangsdaten gehören nicht in die Adresse");
  const host = hostOf(url);
  const allowed = allowedHosts(target);
  if (allowed && !allowed.has(host)) throw refused(target, "dieser Host ist vom Betreiber nicht freigegeben");
  if (!insecure && (isIP(host) ? !isPublicAddress(host) : isLocalName(host))) {
    throw refused(target, "sie zeigt auf ein internes Netz");
  }
  return url;
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

/** Names that never leave the machine or the local network, whatever DNS says. */
function isLocalName(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal") || !host.includes(".");
}

/** Every address of the host must be public; the first one is where the request goes. */
export async function resolvePublic(host: string, target: OutboundTarget): Promise<Resolved> {
  const family = isIP(host);
  const addresses: Resolved[] = family ? [{ address: host, family }] : await resolveAll(host);
  if (!env().ALLOW_INSECURE_OUTBOUND_HTTP && addresses.some((a) => !isPublicAddress(a.address))) {
    throw refused(target, "sie zeigt auf ein internes Netz");
  }
  return addresses[0];
}

async function resolveAll(host: string): Promise<Resolved[]> {
  try {
    const found = await dnsLookup(host, { all: true, verbatim: true });
    if (found.length > 0) return found;
  } catch (error) {
    throw new TypeError("fetch failed", { cause: error });
  }
  throw new TypeError("fetch failed", { cause: Object.assign(new Error(`no address for ${host}`), { code: "ENOTFOUND" }) });
}

/** Connects to the address just checked, never to a second DNS answer (rebinding). */
function pinnedLookup(pinned: Resolved): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: Resolved[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

export interface GuardedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  maxResponseBytes: number;
  signal?: AbortSignal;
}

export interface GuardedResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** A response over the size cap; callers turn it into their own German answer. */
export class ResponseTooLarge extends Error {}
/** The upstream answered with a redirect, which is never followed. */
export class RedirectRefused extends Error {}

/**
 * One request through the guard. Network failures reject like `fetch` does (a TypeError
 * "fetch failed" with the system error as cause), so resilience policies classify them alike.
 */
export async function guardedRequest(req: GuardedRequest, target: OutboundTarget): Promise<GuardedResponse> {
  const url = checkOutboundUrl(req.url, target);
  const pinned = await untilAborted(resolvePublic(hostOf(url), target), req.signal);
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: unknown, response?: GuardedResponse) => {
      if (settled) return;
      settled = true;
      req.signal?.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve(response!);
    };
    const outgoing = transport.request(url, { method: req.method, headers: req.headers, lookup: pinnedLookup(pinned), agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.destroy();
        finish(new RedirectRefused(`redirect ${status}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > req.maxResponseBytes) {
          res.destroy();
          outgoing.destroy();
          finish(new ResponseTooLarge(`more than ${req.maxResponseBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () => finish(null, { status, headers: headersOf(res.headers), body: Buffer.concat(chunks) }));
      res.on("error", (error) => finish(new TypeError("fetch failed", { cause: error })));
    });
    const onAbort = () => {
      outgoing.destroy();
      finish(req.signal?.reason ?? new DOMException("aborted", "AbortError"));
    };
    if (req.signal?.aborted) return onAbort();
    req.signal?.addEventListener("abort", onAbort, { once: true });
    outgoing.on("error", (error) => finish(new TypeError("fetch failed", { cause: error })));
    outgoing.end(req.body);
  });
}

/** A hanging DNS lookup must not outlive the caller's deadline. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function headersOf(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

/** A `fetch` for clients of company-configured services (Cal.com): same guard, a Response back. */
export function guardedFetch(target: OutboundTarget, maxResponseBytes: number): typeof fetch {
  return async (input, init = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    if (init.body !== undefined && init.body !== null && typeof init.body !== "string") {
      throw new TypeError("guardedFetch sends string bodies only");
    }
    const body = init.body ?? undefined;
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    let response: GuardedResponse;
    try {
      response = await guardedRequest(
        { url, method: init.method ?? "GET", headers, body, maxResponseBytes, signal: init.signal ?? undefined },
        target,
      );
    } catch (error) {
      if (error instanceof RedirectRefused) throw refused(target, "sie leitet weiter, Weiterleitungen werden nicht befolgt");
      if (error instanceof ResponseTooLarge) throw new AppError(ErrorCodes.INVALID_INPUT, "Die Antwort des externen Dienstes ist zu groß.");
      throw error;
    }
    if (response.status < 200 || response.status > 599) throw new TypeError("fetch failed", { cause: new Error(`status ${response.status}`) });
    const nullBody = response.status === 204 || response.status === 304;
    return new Response(nullBody ? null : new Uint8Array(response.body), { status: response.status, headers: response.headers });
  };
}
