import * as t from "@/server/services/retell-function/test-run-schemas";
import { methodMutation, methodQuery } from "@/server/doors/trpc/method-procedure";
import { createTRPCRouter } from "@/server/doors/trpc/trpc";

/** Funktionstest: run a function as the agent would, dry unless confirmed; replay a past call's function calls. */
export const functionTestRouter = createTRPCRouter({
  list: methodQuery("retell.function.listTestable", t.listTestableParams, t.listTestableResult),
  run: methodMutation("retell.function.test", t.testParams, t.testResult),
  callFunctionCalls: methodQuery("retell.function.callFunctionCalls", t.callFunctionCallsParams, t.callFunctionCallsResult),
});
