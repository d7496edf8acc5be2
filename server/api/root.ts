import { createCallerFactory, createTRPCRouter } from "./trpc";
import { dashboardRouter } from "./routers/dashboard";

/** All dashboard routers; one file per domain in ./routers. */
export const appRouter = createTRPCRouter({
  dashboard: dashboardRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
