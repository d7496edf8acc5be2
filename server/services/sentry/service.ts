/**
 * The dashboard's error view: recent errors and one error with its latest occurrence.
 *
 * Who answers: Sentry's web API when the operator set SENTRY_AUTH_TOKEN and SENTRY_ORG and the
 * caller is the install's owner (the company created first: Sentry's project holds the
 * errors of every company on the install); otherwise, and whenever Sentry refuses the token or
 * cannot be reached, the app's own store, so the view always works. The answer names its
 * source and, after a fallback, why.
 */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { SentryApiError } from "@/server/integrations/sentry/client";
import { findOwnIssue, listOwnIssues, setOwnIssueStatus } from "./own-store";
import type { getIssueParams, getIssueResult, listIssuesParams, listIssuesResult, resolveIssueParams, resolveIssueResult } from "./schemas";
import { getSentryIssue, listSentryIssues, sentryApiSettings } from "./sentry-source";

const NOT_FOUND_MESSAGE = "Dieser Fehler wurde nicht gefunden.";

/** The install's owner: the company created first (the one the set-up wizard made). */
export async function isInstallOwner(ctx: ServiceContext): Promise<boolean> {
  const first = await ctx.db.company.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  return first?.id === ctx.companyId;
}

export async function listIssues(ctx: ServiceContext, params: z.output<typeof listIssuesParams>): Promise<z.input<typeof listIssuesResult>> {
  const owner = await isInstallOwner(ctx);
  const settings = owner ? sentryApiSettings() : null;
  let notice: string | null = null;
  if (settings) {
    try {
      return { source: "sentry", notice: null, ...(await listSentryIssues(settings, params)) };
    } catch (error) {
      notice = fallbackNotice(ctx, error);
    }
  }
  // A Sentry cursor means nothing to the own store: start at its first page.
  const own = await listOwnIssues(ctx, notice ? { ...params, cursor: null } : params, owner);
  return { source: "app", notice, ...own };
}

export async function getIssue(ctx: ServiceContext, params: z.output<typeof getIssueParams>): Promise<z.input<typeof getIssueResult>> {
  const owner = await isInstallOwner(ctx);
  const settings = owner ? sentryApiSettings() : null;
  let notice: string | null = null;
  if (settings) {
    try {
      return { source: "sentry", notice: null, ...(await getSentryIssue(settings, params.id)) };
    } catch (error) {
      // Not in Sentry: it may be one of the own store's (listed while Sentry was unreachable).
      if (!(error instanceof SentryApiError && error.kind === "not_found")) notice = fallbackNotice(ctx, error);
    }
  }
  const own = await findOwnIssue(ctx, params.id, owner);
  if (!own) throw new AppError(ErrorCodes.NOT_FOUND, NOT_FOUND_MESSAGE);
  return { source: "app", notice, ...own };
}

/** Marks an error of the own store as done (or open again); Sentry's issues are changed in Sentry. */
export async function resolveIssue(ctx: ServiceContext, params: z.output<typeof resolveIssueParams>): Promise<z.input<typeof resolveIssueResult>> {
  if (!(await setOwnIssueStatus(ctx, params.id, params.status, await isInstallOwner(ctx)))) {
    throw new AppError(ErrorCodes.NOT_FOUND, NOT_FOUND_MESSAGE);
  }
  return { id: params.id, status: params.status };
}

function fallbackNotice(ctx: ServiceContext, error: unknown): string {
  if (!(error instanceof SentryApiError)) throw error;
  ctx.log.warn({ kind: error.kind, status: error.status }, "sentry api failed; answering from the own error store");
  return `${error.message} Angezeigt wird das Protokoll der App.`;
}
