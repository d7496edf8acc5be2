/**
 * Removes personal data from error reports before they leave the request: the app's own error
 * store and, when configured, Sentry (`beforeSend`). Pure: no I/O, no clock.
 *
 * - Phone numbers in German and international spellings ("0171 1234567", "+49 30 123456",
 *   "(030) 12 34 56", "0049 171 1234567") and e-mail addresses, in every string.
 * - Values of known personal fields (names, phone, e-mail, address, transcripts, notes) wherever
 *   they appear in structured data; the names found there are also cut out of free text of the
 *   same report ("Kunde Erika Muster nicht gefunden").
 * - Sentry events: the user, the request's body, headers, cookies and query string, the
 *   environment of the request and local variables of stack frames; the source lines around
 *   each frame are scrubbed like any text.
 *
 * Free text that names a person without a known field around it cannot be recognised; messages
 * the app writes itself name ids, never people.
 */

export const PHONE_PLACEHOLDER = "[Telefonnummer]";
export const EMAIL_PLACEHOLDER = "[E-Mail]";
export const REDACTED = "[entfernt]";

/** A leading + / 00 with country code, or a leading 0 (optionally in brackets), then digits with spaces, slashes, dashes or brackets. */
const PHONE_CANDIDATE = /(?<![\w+])(?:(?:\+|00)[1-9]\d{0,2}[ \t./-]?(?:\(0\)[ \t]?)?|\(?0)\d[\d \t()/-]{4,}\d(?![\w-])/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** dd-mm-yyyy or dd/mm/yyyy: a date, not a phone number. */
const DATE_LIKE = /^\d{2}[/-]\d{2}[/-]\d{4}$/;

/** Keys whose values are personal data (compared without case, "_" and "-"). */
const PERSONAL_KEYS = new Set(
  [
    "name", "firstname", "lastname", "fullname", "givenname", "familyname", "surname", "displayname", "username",
    "customername", "callername", "contactname", "attendeename", "staffname", "vorname", "nachname",
    "phone", "phonenumber", "mobile", "telephone", "telefon", "tel", "fromnumber", "tonumber", "from", "to",
    "customerphone", "callerphone", "callernumber", "email", "emailaddress", "mail", "customeremail",
    "address", "street", "postalcode", "zip", "city", "birthday", "birthdate", "dateofbirth", "geburtsdatum",
    "transcript", "transcriptobject", "transcriptwithtoolcalls", "recordingurl", "summary", "callsummary",
    "notes", "note", "comment", "text", "body", "ipaddress", "ip",
  ].map(normaliseKey),
);
/** Keys whose values are names: their values are also cut out of free text. */
const NAME_KEYS = new Set(
  ["name", "firstname", "lastname", "fullname", "givenname", "familyname", "surname", "displayname", "customername", "callername", "contactname", "attendeename", "staffname", "vorname", "nachname"].map(normaliseKey),
);

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, "");
}

/** Phone numbers and e-mail addresses in one string replaced by placeholders. */
export function scrubText(text: string, names: readonly string[] = []): string {
  let out = text.replace(EMAIL, EMAIL_PLACEHOLDER).replace(PHONE_CANDIDATE, (match) => {
    const digits = match.replace(/\D/g, "").length;
    if (digits < 6 || digits > 16 || DATE_LIKE.test(match)) return match;
    return PHONE_PLACEHOLDER;
  });
  for (const name of names) out = out.split(name).join(REDACTED);
  return out;
}

/** Names found under name keys anywhere in a value (at least 3 characters, longest first). */
export function collectNames(value: unknown, found = new Set<string>(), depth = 0): string[] {
  if (depth > 12 || value === null || typeof value !== "object") return [...found];
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (NAME_KEYS.has(normaliseKey(key)) && typeof inner === "string") {
      for (const part of [inner.trim(), ...inner.trim().split(/\s+/)]) if (part.length >= 3) found.add(part);
    } else collectNames(inner, found, depth + 1);
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * A deep copy with personal fields redacted and every string scrubbed. `names` are cut out of
 * strings as well (pass `collectNames` of a wider report to cover its free text).
 */
export function scrubData<T>(value: T, names: readonly string[] = collectNames(value), depth = 0): T {
  if (typeof value === "string") return scrubText(value, names) as T;
  if (value === null || typeof value !== "object") return value;
  if (depth > 12) return REDACTED as T;
  if (Array.isArray(value)) return value.map((v) => scrubData(v, names, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    out[key] = PERSONAL_KEYS.has(normaliseKey(key)) && inner !== null && inner !== undefined ? REDACTED : scrubData(inner, names, depth + 1);
  }
  return out as T;
}

/** A URL without its query string and fragment (they may carry phone numbers or tokens). */
export function stripQuery(url: string): string {
  return scrubText(url.replace(/[?#].*$/, ""));
}

/** Context keys the SDK fills with facts about the machine, not about people. */
const SDK_CONTEXTS = new Set(["os", "runtime", "app", "device", "culture", "cloud_resource", "trace", "otel", "response", "nextjs"]);

interface ScrubbableFrame {
  vars?: unknown;
  context_line?: string;
  pre_context?: string[];
  post_context?: string[];
}

/** The parts of a Sentry event this module reads and writes (structurally compatible with `@sentry/core`'s ErrorEvent). */
export interface ScrubbableEvent {
  message?: string;
  user?: unknown;
  request?: { url?: string; query_string?: unknown; data?: unknown; headers?: unknown; cookies?: unknown; env?: unknown; method?: string };
  exception?: { values?: Array<{ type?: string; value?: string; stacktrace?: { frames?: Array<ScrubbableFrame> } }> };
  breadcrumbs?: Array<{ message?: string; data?: Record<string, unknown> }>;
  extra?: Record<string, unknown>;
  contexts?: Record<string, unknown>;
  tags?: Record<string, unknown>;
  logentry?: { message?: string; params?: unknown[] };
  transaction?: string;
}

/** A Sentry event with personal data removed; used as `beforeSend` (never drops the event). */
export function scrubSentryEvent<E extends ScrubbableEvent>(event: E): E {
  const names = collectNames({ extra: event.extra, contexts: event.contexts, data: event.request?.data, breadcrumbs: event.breadcrumbs });
  const text = (s: string | undefined) => (s === undefined ? s : scrubText(s, names));
  const out: E = { ...event };
  delete out.user;
  if (event.request) {
    out.request = { method: event.request.method, url: event.request.url === undefined ? undefined : stripQuery(event.request.url) };
  }
  if (event.message !== undefined) out.message = text(event.message);
  if (event.transaction !== undefined) out.transaction = text(event.transaction);
  if (event.logentry) out.logentry = { message: text(event.logentry.message), params: scrubData(event.logentry.params, names) };
  if (event.exception?.values) {
    out.exception = {
      ...event.exception,
      values: event.exception.values.map((v) => ({
        ...v,
        value: text(v.value),
        ...(v.stacktrace ? { stacktrace: { ...v.stacktrace, frames: v.stacktrace.frames?.map((frame) => scrubFrame(frame, names)) } } : {}),
      })),
    };
  }
  if (event.breadcrumbs) {
    out.breadcrumbs = event.breadcrumbs.map((b) => ({
      ...b,
      message: text(b.message),
      data: b.data && scrubData(typeof b.data.url === "string" ? { ...b.data, url: stripQuery(b.data.url) } : b.data, names),
    }));
  }
  if (event.extra) out.extra = scrubData(event.extra, names);
  if (event.tags) out.tags = scrubData(event.tags, names);
  if (event.contexts) {
    out.contexts = Object.fromEntries(Object.entries(event.contexts).map(([k, v]) => [k, SDK_CONTEXTS.has(k) ? v : scrubData(v, names)]));
  }
  return out;
}

/** A stack frame without its local variables; the source lines around it scrubbed like any text. */
function scrubFrame<F extends ScrubbableFrame>({ vars: _vars, ...frame }: F, names: readonly string[]): Omit<F, "vars"> {
  const out = { ...frame };
  if (frame.context_line !== undefined) out.context_line = scrubText(frame.context_line, names);
  if (frame.pre_context) out.pre_context = frame.pre_context.map((l) => scrubText(l, names));
  if (frame.post_context) out.post_context = frame.post_context.map((l) => scrubText(l, names));
  return out;
}

/** What the SDK may collect on its own (GDPR): nothing about the user or the request's contents. */
export const SENTRY_DATA_COLLECTION = {
  userInfo: false,
  cookies: false,
  httpHeaders: false,
  urlQueryParams: false,
  httpBodies: [] as never[],
} as const;
