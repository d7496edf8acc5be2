import { createCallerFactory, createTRPCRouter } from "./trpc";
import { agentsRouter } from "@/server/doors/trpc/routers/agents";
import { appointmentsRouter } from "@/server/doors/trpc/routers/appointments";
import { callsRouter } from "@/server/doors/trpc/routers/calls";
import { dashboardRouter } from "@/server/doors/trpc/routers/dashboard";
import { functionTestRouter } from "@/server/doors/trpc/routers/function-test";
import { knowledgeRouter } from "@/server/doors/trpc/routers/knowledge";
import { queueRouter } from "@/server/doors/trpc/routers/queue";
import { retellConfigRouter } from "@/server/doors/trpc/routers/retell-config";
import { settingsRouter } from "@/server/doors/trpc/routers/settings";
import { tokensRouter } from "@/server/doors/trpc/routers/tokens";

/**
 * All dashboard routers; one file per page area in ./routers. Procedures that read or change
 * business data are registered MCP methods bridged with methodQuery/methodMutation.
 */
export const appRouter = createTRPCRouter({
  dashboard: dashboardRouter,
  appointments: appointmentsRouter,
  calls: callsRouter,
  retellConfig: retellConfigRouter,
  agents: agentsRouter,
  tokens: tokensRouter,
  knowledge: knowledgeRouter,
  queue: queueRouter,
  settings: settingsRouter,
  functionTest: functionTestRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
