/** The company's knowledge base for the phone agent (spec KnowledgeMCPServer). */
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { KnowledgeEntry } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/core/types";
import { liveFacts } from "./live-facts";
import type { KnowledgeEntryDto, SearchHit } from "./schemas";
import { scoreEntry, searchTokens } from "./search-index";

/** A hit below this is a coincidence (a single word of running text), not an answer. */
const MIN_ANSWER_SCORE = 2;

export async function searchKnowledge(
  ctx: ServiceContext,
  params: { query: string; branch_id?: string; limit: number },
): Promise<{ results: SearchHit[]; answer: string | null }> {
  if (params.branch_id) await requireBranch(ctx, params.branch_id);
  const tokens = searchTokens(params.query);
  if (tokens.length === 0) return { results: [], answer: null };
  const [entries, facts] = await Promise.all([
    ctx.db.knowledgeEntry.findMany({
      where: {
        companyId: ctx.companyId,
        isActive: true,
        ...(params.branch_id ? { OR: [{ branchId: null }, { branchId: params.branch_id }] } : {}),
      },
    }),
    liveFacts(ctx.db, ctx.companyId, params.branch_id, ctx.now()),
  ]);
  const candidates: Array<Omit<SearchHit, "score"> & { keywords: string[] }> = [
    ...entries.map((e) => ({ source: "knowledge" as const, id: e.id, title: e.title, content: e.content, keywords: e.keywords })),
    ...facts,
  ];
  const results = candidates
    .map(({ keywords, ...hit }) => ({ ...hit, score: scoreEntry(tokens, { ...hit, keywords }) }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, params.limit);
  const best = results[0];
  return { results, answer: best && best.score >= MIN_ANSWER_SCORE ? best.content : null };
}

export async function listKnowledge(
  ctx: ServiceContext,
  params: { branch_id?: string; category?: string; include_inactive: boolean },
): Promise<{ entries: KnowledgeEntryDto[]; total: number }> {
  const rows = await ctx.db.knowledgeEntry.findMany({
    where: {
      companyId: ctx.companyId,
      ...(params.branch_id ? { branchId: params.branch_id } : {}),
      ...(params.category ? { category: params.category } : {}),
      ...(params.include_inactive ? {} : { isActive: true }),
    },
    orderBy: [{ category: "asc" }, { title: "asc" }],
  });
  return { entries: rows.map(toDto), total: rows.length };
}

export async function upsertKnowledge(
  ctx: ServiceContext,
  params: { id?: string; branch_id: string | null; category: string; title: string; content: string; keywords: string[]; is_active: boolean },
): Promise<{ entry: KnowledgeEntryDto; created: boolean }> {
  if (params.branch_id) await requireBranch(ctx, params.branch_id);
  const data = {
    branchId: params.branch_id,
    category: params.category,
    title: params.title,
    content: params.content,
    keywords: params.keywords,
    isActive: params.is_active,
  };
  if (!params.id) {
    const row = await ctx.db.knowledgeEntry.create({ data: { ...data, companyId: ctx.companyId } });
    return { entry: toDto(row), created: true };
  }
  const { count } = await ctx.db.knowledgeEntry.updateMany({ where: { id: params.id, companyId: ctx.companyId }, data });
  if (count === 0) throw new AppError(ErrorCodes.NOT_FOUND, "Der Wissenseintrag wurde nicht gefunden.");
  return { entry: toDto(await ctx.db.knowledgeEntry.findUniqueOrThrow({ where: { id: params.id } })), created: false };
}

export async function deleteKnowledge(ctx: ServiceContext, params: { id: string }): Promise<{ deleted: boolean }> {
  const { count } = await ctx.db.knowledgeEntry.deleteMany({ where: { id: params.id, companyId: ctx.companyId } });
  if (count === 0) throw new AppError(ErrorCodes.NOT_FOUND, "Der Wissenseintrag wurde nicht gefunden.");
  return { deleted: true };
}

async function requireBranch(ctx: ServiceContext, branchId: string): Promise<void> {
  const branch = await ctx.db.branch.findFirst({ where: { id: branchId, companyId: ctx.companyId }, select: { id: true } });
  if (!branch) throw new AppError(ErrorCodes.BRANCH_NOT_RESOLVED, "Die Filiale wurde nicht gefunden.");
}

function toDto(row: KnowledgeEntry): KnowledgeEntryDto {
  return {
    id: row.id,
    branch_id: row.branchId,
    category: row.category,
    title: row.title,
    content: row.content,
    keywords: row.keywords,
    is_active: row.isActive,
    updated_at: row.updatedAt.toISOString(),
  };
}
