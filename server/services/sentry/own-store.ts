/**
 * The dashboard's error view answered from the app's own store (table error_events,
 * platform/error-store.ts). A company sees its own errors; the install's owner also sees the
 * errors that belong to no company (companyId null: routes, start-up, pages).
 */
import type { ErrorEvent, Prisma } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/core/types";
import { scrubText } from "@/server/platform/error-scrub";
import type { z } from "zod";
import type { IssueDto, LatestEventDto, listIssuesParams } from "./schemas";

export const OWN_PAGE_SIZE = 25;
const PERIOD_MS = { "24h": 1, "7d": 7, "14d": 14, "30d": 30 } as const;

type ListParams = z.output<typeof listIssuesParams>;
type Row = ErrorEvent;

/** The rows a company may see: its own and, for the install's owner, the system's. */
export function visibleTo(companyId: string, isOwner: boolean): Prisma.ErrorEventWhereInput {
  return isOwner ? { OR: [{ companyId }, { companyId: null }] } : { companyId };
}

export async function listOwnIssues(ctx: ServiceContext, params: ListParams, isOwner: boolean): Promise<{ issues: IssueDto[]; next_cursor: string | null }> {
  const offset = Math.max(0, Number.parseInt(params.cursor ?? "0", 10) || 0);
  const since = new Date(ctx.now().getTime() - PERIOD_MS[params.period] * 86_400_000);
  const where: Prisma.ErrorEventWhereInput = {
    AND: [
      visibleTo(ctx.companyId, isOwner),
      { lastSeen: { gte: since } },
      params.status === "all" ? {} : { status: params.status },
      params.query
        ? { OR: [{ title: { contains: params.query, mode: "insensitive" } }, { culprit: { contains: params.query, mode: "insensitive" } }] }
        : {},
    ],
  };
  const rows = await ctx.db.errorEvent.findMany({ where, orderBy: [{ lastSeen: "desc" }, { id: "desc" }], skip: offset, take: OWN_PAGE_SIZE + 1 });
  return {
    issues: rows.slice(0, OWN_PAGE_SIZE).map(toIssue),
    next_cursor: rows.length > OWN_PAGE_SIZE ? String(offset + OWN_PAGE_SIZE) : null,
  };
}

export async function findOwnIssue(ctx: ServiceContext, id: string, isOwner: boolean): Promise<{ issue: IssueDto; latest_event: LatestEventDto | null } | null> {
  const row = await ctx.db.errorEvent.findFirst({ where: { AND: [{ id }, visibleTo(ctx.companyId, isOwner)] } });
  return row && { issue: toIssue(row), latest_event: toLatestEvent(row) };
}

export async function setOwnIssueStatus(ctx: ServiceContext, id: string, status: "resolved" | "unresolved", isOwner: boolean): Promise<boolean> {
  const { count } = await ctx.db.errorEvent.updateMany({ where: { AND: [{ id }, visibleTo(ctx.companyId, isOwner)] }, data: { status } });
  return count > 0;
}

function toIssue(row: Row): IssueDto {
  return {
    id: row.id,
    short_id: null,
    title: row.title,
    culprit: row.culprit,
    level: row.level,
    status: row.status,
    count: row.count,
    first_seen: row.firstSeen.toISOString(),
    last_seen: row.lastSeen.toISOString(),
    permalink: null,
    system: row.companyId === null,
  };
}

/** The stored occurrence, scrubbed once more on the way out (rows written before a scrub rule existed). */
function toLatestEvent(row: Row): LatestEventDto | null {
  const e = row.lastEvent as Partial<Record<"type" | "message" | "where" | "correlationId" | "at", string | null>> & { stack?: unknown; cause?: { type?: string; message?: string } | null } | null;
  if (!e || typeof e !== "object") return null;
  const text = (v: unknown) => (typeof v === "string" ? scrubText(v) : null);
  const cause = e.cause && typeof e.cause === "object" ? `${e.cause.type ?? "Error"}: ${scrubText(e.cause.message ?? "")}` : null;
  return {
    at: text(e.at),
    type: text(e.type),
    message: text(e.message),
    stack: Array.isArray(e.stack) ? e.stack.filter((l): l is string => typeof l === "string").map((l) => scrubText(l)) : [],
    where: text(e.where),
    correlation_id: text(e.correlationId),
    tags: cause ? [{ key: "Ursache", value: cause }] : [],
  };
}
