import * as s from "@/server/services/webhook/schemas";
import { methodQuery } from "@/server/doors/trpc/method-procedure";
import { createTRPCRouter } from "@/server/doors/trpc/trpc";

/** Anrufe: the stored calls and one call with its transcript, through the `webhook` server. */
export const callsRouter = createTRPCRouter({
  list: methodQuery("webhook.listCalls", s.listCallsParams, s.listCallsResult),
  get: methodQuery("webhook.getCall", s.getCallParams, s.getCallResult),
});
