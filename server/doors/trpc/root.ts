import { servers } from "@/server/composition";
import { methodTree } from "./method-router";
import { dashboardRouter } from "./routers/dashboard";
import { createCallerFactory, createTRPCRouter } from "./trpc";

/**
 * The dashboard's API: every registered method as `<server>.<method>` (./method-router.ts),
 * and under `dashboard` the few procedures that are not methods.
 */
const methods = methodTree(servers);
if ("dashboard" in methods) throw new Error("tRPC: a server named dashboard would hide the dashboard's own procedures");

export const appRouter = createTRPCRouter({
  ...methods,
  dashboard: dashboardRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
