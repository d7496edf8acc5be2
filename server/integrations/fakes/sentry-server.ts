/**
 * An in-process Sentry for tests and local development: the read API the error view uses
 * (organisation issues with Link-header pages, one issue, its latest event, a project by slug;
 * 401 for a wrong token) and the ingest endpoint the SDK sends to
 * (`POST /api/<project>/envelope/`), which records every event it receives. A DSN for the SDK
 * is `dsn` (http://key@127.0.0.1:PORT/1).
 */
import { bearerToken, matchRoute, startFakeHttpServer, FakeFaults, type FakeResponse, type FakeRoute, type RecordedRequest } from "./http-server";

export interface FakeSentryIssue {
  id: string;
  shortId: string;
  title: string;
  culprit: string | null;
  level: string;
  status: "unresolved" | "resolved" | "ignored";
  count: string;
  firstSeen: string;
  lastSeen: string;
  permalink: string;
  project: { id: string; slug: string; name: string };
}

export interface FakeSentryOptions {
  token: string;
  org: string;
  project?: { id: string; slug: string };
  /** Issues per page (Sentry's own default is 100). */
  pageSize?: number;
  port?: number;
}

export class FakeSentryState extends FakeFaults {
  readonly issues: FakeSentryIssue[] = [];
  readonly latestEvents = new Map<string, unknown>();
  /** Events that arrived at the envelope endpoint, parsed. */
  readonly receivedEvents: Array<Record<string, unknown>> = [];

  addIssue(issue: Partial<FakeSentryIssue> & { id: string; title: string }, latestEvent?: unknown): FakeSentryIssue {
    const full: FakeSentryIssue = {
      shortId: `ASKPROAI-${issue.id}`,
      culprit: null,
      level: "error",
      status: "unresolved",
      count: "1",
      firstSeen: "2026-11-28T10:00:00.000Z",
      lastSeen: "2026-11-28T10:00:00.000Z",
      permalink: `https://sentry.example/organizations/org/issues/${issue.id}/`,
      project: { id: "1", slug: "askproai", name: "askproai" },
      ...issue,
    };
    this.issues.push(full);
    if (latestEvent !== undefined) this.latestEvents.set(issue.id, latestEvent);
    return full;
  }
}

export interface FakeSentry {
  /** Base URL of the web API, e.g. http://127.0.0.1:PORT/api/0/ */
  apiUrl: string;
  /** A DSN whose events land on this fake. */
  dsn: string;
  state: FakeSentryState;
  close(): Promise<void>;
}

export async function startFakeSentry(options: FakeSentryOptions): Promise<FakeSentry> {
  const state = new FakeSentryState();
  const project = options.project ?? { id: "1", slug: "askproai" };
  const server = await startFakeHttpServer({
    port: options.port,
    faults: state,
    dialect: { errorBody: (_status, message) => ({ detail: message }), rateLimitHeaders: (s) => ({ "retry-after": String(s) }) },
    parseBody: (raw) => ({ ok: true, value: raw }),
    handle: (request) => route(state, { ...options, project, pageSize: options.pageSize ?? 100 }, request),
  });
  return {
    apiUrl: `${server.origin}/api/0/`,
    dsn: `http://fakekey@${server.origin.replace(/^http:\/\//, "")}/${project.id}`,
    state,
    close: server.close,
  };
}

type Options = Required<Pick<FakeSentryOptions, "token" | "org" | "project" | "pageSize">>;
type Handler = (state: FakeSentryState, request: RecordedRequest, options: Options, params: string[]) => FakeResponse;

const routes: FakeRoute<Handler>[] = [
  { method: "POST", path: /^\/api\/([^/]+)\/envelope\/$/, handle: receiveEnvelope },
  { method: "GET", path: /^\/api\/0\/organizations\/([^/]+)\/issues\/$/, handle: listIssues },
  { method: "GET", path: /^\/api\/0\/organizations\/([^/]+)\/issues\/([^/]+)\/events\/latest\/$/, handle: latestEvent },
  { method: "GET", path: /^\/api\/0\/organizations\/([^/]+)\/issues\/([^/]+)\/$/, handle: getIssue },
  { method: "GET", path: /^\/api\/0\/projects\/([^/]+)\/([^/]+)\/$/, handle: getProject },
];

function route(state: FakeSentryState, options: Options, request: RecordedRequest): FakeResponse {
  const found = matchRoute(routes, request);
  if (!found) return { status: 404, body: { detail: "The requested resource does not exist" } };
  const [r, params] = found;
  if (r.handle !== receiveEnvelope) {
    if (bearerToken(request) !== options.token) return { status: 401, body: { detail: "Invalid token" } };
    if (params[0] !== options.org) return { status: 404, body: { detail: "The requested resource does not exist" } };
  }
  return r.handle(state, request, options, params);
}

function listIssues(state: FakeSentryState, request: RecordedRequest, options: Options): FakeResponse {
  const projects = request.query.getAll("project").filter((p) => p !== "-1");
  // Sentry's default when no query is sent at all.
  const query = request.query.has("query") ? (request.query.get("query") ?? "") : "is:unresolved";
  const status = /is:(unresolved|resolved|ignored)/.exec(query)?.[1];
  const text = query.replace(/is:\w+/g, "").trim().toLowerCase();
  const matching = state.issues.filter(
    (i) => (projects.length === 0 || projects.includes(i.project.id)) && (!status || i.status === status) && (!text || i.title.toLowerCase().includes(text)),
  );
  const offset = Number(/^0:(\d+):0$/.exec(request.query.get("cursor") ?? "")?.[1] ?? 0);
  const page = matching.slice(offset, offset + options.pageSize);
  const rest = new URLSearchParams(request.query);
  rest.delete("cursor");
  const base = `${request.path}?${rest.toString()}`;
  const link = (rel: string, at: number, results: boolean) => `<${base}&cursor=0:${at}:0>; rel="${rel}"; results="${results}"; cursor="0:${at}:0"`;
  const next = offset + options.pageSize;
  return {
    status: 200,
    body: page,
    headers: { link: `${link("previous", Math.max(0, offset - options.pageSize), offset > 0)}, ${link("next", next, next < matching.length)}` },
  };
}

function getIssue(state: FakeSentryState, _request: RecordedRequest, _options: Options, params: string[]): FakeResponse {
  const issue = state.issues.find((i) => i.id === params[1]);
  return issue ? { status: 200, body: issue } : { status: 404, body: { detail: "The requested resource does not exist" } };
}

function latestEvent(state: FakeSentryState, _request: RecordedRequest, _options: Options, params: string[]): FakeResponse {
  const event = state.latestEvents.get(params[1]!);
  return event ? { status: 200, body: event } : { status: 404, body: { detail: "The requested resource does not exist" } };
}

function getProject(_state: FakeSentryState, _request: RecordedRequest, options: Options, params: string[]): FakeResponse {
  return params[1] === options.project.slug || params[1] === options.project.id
    ? { status: 200, body: { id: options.project.id, slug: options.project.slug, name: options.project.slug } }
    : { status: 404, body: { detail: "The requested resource does not exist" } };
}

/** An envelope: a header line, then item header and payload lines; every `event` item is kept. */
function receiveEnvelope(state: FakeSentryState, request: RecordedRequest, _options: Options, params: string[]): FakeResponse {
  if (!request.query.get("sentry_key")) return { status: 401, body: { detail: "missing authorization information" } };
  const lines = String(request.body ?? "").split("\n");
  for (let i = 1; i + 1 < lines.length; i += 2) {
    try {
      const header = JSON.parse(lines[i]!) as { type?: string };
      if (header.type === "event") state.receivedEvents.push({ project: params[0], ...(JSON.parse(lines[i + 1]!) as Record<string, unknown>) });
    } catch {
      break;
    }
  }
  return { status: 200, body: { id: "fake" } };
}
