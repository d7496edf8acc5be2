/**
 * Sentry's web API, read only: an organisation's issues, one issue and its latest event
 * (docs.sentry.io/api/events/). Bearer token of the operator (scope event:read). Lists are
 * paged by the `Link` header; a next page exists only while its `results="true"`.
 */
import { z } from "zod";

export interface SentryApiOptions {
  /** e.g. https://sentry.io/api/0/ or https://de.sentry.io/api/0/ */
  baseUrl: string;
  token: string;
  org: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const sentryIssueSchema = z.object({
  id: z.string(),
  shortId: z.string().nullish(),
  title: z.string(),
  culprit: z.string().nullish(),
  permalink: z.string().nullish(),
  level: z.string().default("error"),
  status: z.string().default("unresolved"),
  /** Sentry sends the count as a string. */
  count: z.union([z.string(), z.number()]).transform((c) => Number(c) || 0),
  userCount: z.number().nullish(),
  firstSeen: z.string().nullish(),
  lastSeen: z.string().nullish(),
  project: z.object({ id: z.string(), slug: z.string().nullish(), name: z.string().nullish() }).partial().nullish(),
});
export type SentryIssue = z.output<typeof sentryIssueSchema>;

const frameSchema = z.object({ function: z.string().nullish(), filename: z.string().nullish(), module: z.string().nullish(), lineNo: z.number().nullish(), inApp: z.boolean().nullish() }).partial();
const exceptionEntry = z.object({
  type: z.literal("exception"),
  data: z.object({
    values: z.array(z.object({ type: z.string().nullish(), value: z.string().nullish(), stacktrace: z.object({ frames: z.array(frameSchema).nullish() }).nullish() })).nullish(),
  }),
});
export const sentryEventSchema = z.object({
  id: z.string().nullish(),
  eventID: z.string().nullish(),
  title: z.string().nullish(),
  message: z.string().nullish(),
  dateCreated: z.string().nullish(),
  culprit: z.string().nullish(),
  entries: z.array(z.union([exceptionEntry, z.object({ type: z.string() }).loose()])).default([]),
  tags: z.array(z.object({ key: z.string(), value: z.string() })).default([]),
  /** The event's `extra` data. */
  context: z.record(z.string(), z.unknown()).nullish(),
});
export type SentryEvent = z.output<typeof sentryEventSchema>;

export type SentryApiFailure = "unauthorized" | "not_found" | "unavailable";

export class SentryApiError extends Error {
  constructor(
    readonly kind: SentryApiFailure,
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = "SentryApiError";
  }
}

export interface IssueQuery {
  /** Numeric project ids; none lists all projects the token sees. */
  project?: string[];
  /** e.g. 24h, 14d */
  statsPeriod?: string;
  /** Sentry search, e.g. `is:unresolved TypeError`; "" lists all. */
  query?: string;
  environment?: string;
  cursor?: string;
}

export interface IssuePage {
  issues: SentryIssue[];
  /** The cursor of the next page; null when Sentry says there are no more results. */
  nextCursor: string | null;
}

export class SentryApiClient {
  readonly #options: SentryApiOptions;

  constructor(options: SentryApiOptions) {
    this.#options = options;
  }

  async listIssues(q: IssueQuery = {}): Promise<IssuePage> {
    const params = new URLSearchParams();
    for (const p of q.project ?? []) params.append("project", p);
    if (q.statsPeriod !== undefined) params.set("statsPeriod", q.statsPeriod);
    // Sentry's default query is is:unresolved; an explicit "" lists every status.
    params.set("query", q.query ?? "");
    if (q.environment) params.set("environment", q.environment);
    if (q.cursor) params.set("cursor", q.cursor);
    const { body, headers } = await this.#get(`organizations/${this.#org}/issues/`, params);
    return { issues: z.array(sentryIssueSchema).parse(body), nextCursor: nextCursor(headers.get("link")) };
  }

  async getIssue(id: string): Promise<SentryIssue> {
    return sentryIssueSchema.parse((await this.#get(`organizations/${this.#org}/issues/${encodeURIComponent(id)}/`)).body);
  }

  async latestEvent(issueId: string): Promise<SentryEvent> {
    return sentryEventSchema.parse((await this.#get(`organizations/${this.#org}/issues/${encodeURIComponent(issueId)}/events/latest/`)).body);
  }

  /** A project's numeric id from its slug (the issues list filters by id). */
  async projectId(slug: string): Promise<string> {
    const body = (await this.#get(`projects/${this.#org}/${encodeURIComponent(slug)}/`)).body;
    return z.object({ id: z.string() }).parse(body).id;
  }

  get #org(): string {
    return encodeURIComponent(this.#options.org);
  }

  async #get(path: string, params?: URLSearchParams): Promise<{ body: unknown; headers: Headers }> {
    const url = new URL(path, this.#options.baseUrl.endsWith("/") ? this.#options.baseUrl : `${this.#options.baseUrl}/`);
    if (params) url.search = params.toString();
    let response: Response;
    try {
      response = await (this.#options.fetch ?? fetch)(url, {
        headers: { authorization: `Bearer ${this.#options.token}`, accept: "application/json" },
        signal: AbortSignal.timeout(this.#options.timeoutMs ?? 10_000),
      });
    } catch {
      throw new SentryApiError("unavailable", null, "Sentry ist nicht erreichbar.");
    }
    if (response.status === 401 || response.status === 403) throw new SentryApiError("unauthorized", response.status, "Sentry lehnt das Zugriffs-Token ab.");
    if (response.status === 404) throw new SentryApiError("not_found", 404, "Sentry kennt diesen Eintrag nicht.");
    if (!response.ok) throw new SentryApiError("unavailable", response.status, `Sentry antwortet mit Status ${response.status}.`);
    try {
      return { body: await response.json(), headers: response.headers };
    } catch {
      throw new SentryApiError("unavailable", response.status, "Sentry hat eine unlesbare Antwort geschickt.");
    }
  }
}

/** The next page's cursor from a `Link` header: only when rel="next" says results="true". */
export function nextCursor(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(/,(?=\s*<)/)) {
    const attrs = Object.fromEntries([...part.matchAll(/;\s*([a-z]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (attrs.rel === "next") return attrs.results === "true" && attrs.cursor ? attrs.cursor : null;
  }
  return null;
}
