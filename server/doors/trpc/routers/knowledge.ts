import * as branch from "@/server/services/branch/schemas";
import * as s from "@/server/services/knowledge/schemas";
import { methodMutation, methodQuery } from "@/server/doors/trpc/method-procedure";
import { createTRPCRouter } from "@/server/doors/trpc/trpc";

/** Wissen: the knowledge base the phone agent answers from, through the `knowledge` server. */
export const knowledgeRouter = createTRPCRouter({
  list: methodQuery("knowledge.list", s.listParams, s.listResult),
  search: methodQuery("knowledge.search", s.searchParams, s.searchResult),
  upsert: methodMutation("knowledge.upsert", s.upsertParams, s.upsertResult),
  delete: methodMutation("knowledge.delete", s.deleteParams, s.deleteResult),
  /** Branches an entry can be limited to. */
  branches: methodQuery("branch.list", branch.listParams, branch.listResult),
});
