import { createCallerFactory, createTRPCRouter } from "./trpc";
import { agentsRouter } from "./routers/agents";
import { appointmentsRouter } from "./routers/appointments";
import { callsRouter } from "./routers/calls";
import { dashboardRouter } from "./routers/dashboard";
import { functionTestRouter } from "./routers/function-test";
import { knowledgeRouter } from "./routers/knowledge";
import { queueRouter } from "./routers/queue";
import { retellConfigRouter } from "./routers/retell-config";
import { settingsRouter } from "./routers/settings";
import { tokensRouter } from "./routers/tokens";

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
