import { z } from "zod";

/** Which store answered: Sentry's web API or the app's own record of recent errors. */
export const errorSource = z.enum(["sentry", "app"]);
export type ErrorSource = z.output<typeof errorSource>;
export const SOURCE_LABELS: Record<ErrorSource, string> = { sentry: "Sentry", app: "Protokoll der App" };

export const ISSUE_STATUSES = ["unresolved", "resolved", "all"] as const;
export const STATUS_LABELS = { unresolved: "Offen", resolved: "Erledigt", ignored: "Ignoriert", all: "Alle" } as const;
export const PERIODS = ["24h", "7d", "14d", "30d"] as const;
export const PERIOD_LABELS: Record<(typeof PERIODS)[number], string> = { "24h": "24 Stunden", "7d": "7 Tage", "14d": "14 Tage", "30d": "30 Tage" };

export const issueSchema = z.object({
  id: z.string(),
  /** Sentry's readable id (ASKPROAI-1A); null in the app's own store. */
  short_id: z.string().nullable(),
  title: z.string(),
  culprit: z.string().nullable(),
  level: z.string(),
  status: z.string(),
  count: z.number().int(),
  first_seen: z.string().nullable(),
  last_seen: z.string().nullable(),
  /** Link to the issue in Sentry. */
  permalink: z.string().nullable(),
  /** An error outside any company (start-up, routes): shown to the install's owner only. */
  system: z.boolean(),
});
export type IssueDto = z.input<typeof issueSchema>;

export const latestEventSchema = z.object({
  at: z.string().nullable(),
  type: z.string().nullable(),
  message: z.string().nullable(),
  /** Innermost call first: "at book (server/services/appointments/book.ts:42)". */
  stack: z.array(z.string()),
  where: z.string().nullable(),
  correlation_id: z.string().nullable(),
  tags: z.array(z.object({ key: z.string(), value: z.string() })),
});
export type LatestEventDto = z.input<typeof latestEventSchema>;

const answeredBy = {
  source: errorSource,
  /** Why the app's own store answered although Sentry is set up (token refused, Sentry unreachable); German. */
  notice: z.string().nullable(),
};

export const listIssuesParams = z.object({
  status: z.enum(ISSUE_STATUSES).default("unresolved"),
  period: z.enum(PERIODS).default("14d"),
  /** Words in the title or where it happened. */
  query: z.string().trim().max(200, "Höchstens 200 Zeichen.").default(""),
  /** From `next_cursor` of the previous page. */
  cursor: z.string().max(200).nullish(),
});
export const listIssuesResult = z.object({ ...answeredBy, issues: z.array(issueSchema), next_cursor: z.string().nullable() });

export const getIssueParams = z.object({ id: z.string().trim().min(1, "Bitte eine Fehler-ID angeben.").max(100) });
export const getIssueResult = z.object({ ...answeredBy, issue: issueSchema, latest_event: latestEventSchema.nullable() });

export const resolveIssueParams = z.object({
  id: z.string().trim().min(1, "Bitte eine Fehler-ID angeben.").max(100),
  status: z.enum(["resolved", "unresolved"]).default("resolved"),
});
export const resolveIssueResult = z.object({ id: z.string(), status: z.enum(["resolved", "unresolved"]) });
