import { servers } from "@/server/composition";
import { methodTree } from "./method-router";
import { dashboardRouter } from "./routers/dashboard";
import { setupRouter } from "./routers/setup";
import { createCallerFactory, createTRPCRouter } from "./trpc";

/**
 * The dashboard's API: every registered method as `<server>.<method>` (./method-router.ts),
 * under `dashboard` the few procedures that are not methods, under `setup` the set-up wizard's.
 */
const methods = methodTree(servers);
for (const own of ["dashboard", "setup"]) {
  if (own in methods) throw new Error(`tRPC: a server named ${own} would hide the dashboard's own procedures`);
}

export const appRouter = createTRPCRouter({
  ...methods,
  dashboard: dashboardRouter,
  setup: setupRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
