/**
 * The dashboard's error view answered from Sentry's web API, with the operator's settings
 * (SENTRY_AUTH_TOKEN, SENTRY_ORG, optional SENTRY_PROJECT and SENTRY_ENVIRONMENT): one Sentry
 * project holds the errors of the whole install, so only the install's owner reads it.
 */
import type { z } from "zod";
import { SentryApiClient, type SentryEvent, type SentryIssue } from "@/server/integrations/sentry/client";
import { env } from "@/server/platform/env";
import { scrubText } from "@/server/platform/error-scrub";
import type { IssueDto, LatestEventDto, listIssuesParams } from "./schemas";

/** The read API's settings; null when the operator has not set a token and organisation. */
export function sentryApiSettings(): { client: SentryApiClient; project: string | undefined; environment: string | undefined } | null {
  const e = env();
  if (!e.SENTRY_AUTH_TOKEN || !e.SENTRY_ORG) return null;
  return {
    client: new SentryApiClient({ baseUrl: e.SENTRY_API_BASE_URL, token: e.SENTRY_AUTH_TOKEN, org: e.SENTRY_ORG }),
    project: e.SENTRY_PROJECT,
    environment: e.SENTRY_ENVIRONMENT,
  };
}

const projectIds = new Map<string, Promise<string>>();

/** The issues list filters by numeric project id; a slug is looked up once per process. */
async function projectFilter(client: SentryApiClient, project: string | undefined): Promise<string[]> {
  if (!project) return [];
  if (/^\d+$/.test(project)) return [project];
  const key = `${env().SENTRY_API_BASE_URL}|${env().SENTRY_ORG}|${project}`;
  let id = projectIds.get(key);
  if (!id) {
    id = client.projectId(project);
    projectIds.set(key, id);
    id.catch(() => projectIds.delete(key));
  }
  return [await id];
}

export async function listSentryIssues(
  settings: NonNullable<ReturnType<typeof sentryApiSettings>>,
  params: z.output<typeof listIssuesParams>,
): Promise<{ issues: IssueDto[]; next_cursor: string | null }> {
  const status = params.status === "all" ? "" : `is:${params.status}`;
  const page = await settings.client.listIssues({
    project: await projectFilter(settings.client, settings.project),
    statsPeriod: params.period,
    query: [status, params.query].filter(Boolean).join(" "),
    environment: settings.environment,
    cursor: params.cursor ?? undefined,
  });
  return { issues: page.issues.map(toIssue), next_cursor: page.nextCursor };
}

export async function getSentryIssue(
  settings: NonNullable<ReturnType<typeof sentryApiSettings>>,
  id: string,
): Promise<{ issue: IssueDto; latest_event: LatestEventDto | null }> {
  const issue = await settings.client.getIssue(id);
  const event = await settings.client.latestEvent(id).catch(() => null);
  return { issue: toIssue(issue), latest_event: event && toLatestEvent(event) };
}

function toIssue(i: SentryIssue): IssueDto {
  return {
    id: i.id,
    short_id: i.shortId ?? null,
    title: scrubText(i.title),
    culprit: i.culprit ? scrubText(i.culprit) : null,
    level: i.level,
    status: i.status,
    count: i.count,
    first_seen: i.firstSeen ?? null,
    last_seen: i.lastSeen ?? null,
    permalink: i.permalink ?? null,
    system: false,
  };
}

/** Sentry lists causes first and frames outermost first; the view shows the thrown error, innermost frame first. */
function toLatestEvent(e: SentryEvent): LatestEventDto {
  const exception = e.entries.find((x): x is Extract<SentryEvent["entries"][number], { type: "exception"; data: unknown }> => x.type === "exception" && "data" in x);
  const values = exception?.data.values ?? [];
  const thrown = values[values.length - 1];
  const frames = [...(thrown?.stacktrace?.frames ?? [])].reverse();
  const tags = e.tags.filter((t) => t.key !== "user" && !t.key.startsWith("user."));
  return {
    at: e.dateCreated ?? null,
    type: thrown?.type ?? null,
    message: scrubText(thrown?.value ?? e.message ?? e.title ?? ""),
    stack: frames.slice(0, 30).map((f) => `at ${f.function ?? "<anonym>"} (${f.filename ?? f.module ?? "?"}${f.lineNo ? `:${f.lineNo}` : ""})`),
    where: tags.find((t) => t.key === "where")?.value ?? e.culprit ?? null,
    correlation_id: typeof e.context?.correlation_id === "string" ? e.context.correlation_id : null,
    tags: tags.map((t) => ({ key: t.key, value: scrubText(t.value) })),
  };
}
