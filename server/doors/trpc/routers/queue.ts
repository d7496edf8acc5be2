import * as s from "@/server/services/queue/schemas";
import { methodMutation, methodQuery } from "@/server/doors/trpc/method-procedure";
import { createTRPCRouter } from "@/server/doors/trpc/trpc";

/** Warteschlange: the outbox jobs, through the `queue` server. */
export const queueRouter = createTRPCRouter({
  stats: methodQuery("queue.stats", s.statsParams, s.statsResult),
  list: methodQuery("queue.list", s.listParams, s.listResult),
  retry: methodMutation("queue.retry", s.retryParams, s.retryResult),
  cancel: methodMutation("queue.cancel", s.cancelParams, s.cancelResult),
});
