import { z } from "zod";
import { getDailyActivity } from "@/server/services/dashboard/daily-activity";
import { getOperations } from "@/server/services/dashboard/operations";
import { getDashboardOverview } from "@/server/services/dashboard/overview";
import { getSectionFigures, SECTION_KEYS } from "@/server/services/dashboard/sections";
import { getSetupProgress } from "@/server/services/dashboard/setup-progress";
import { createToken, listTokens, revokeToken, tokenServerOptions } from "@/server/services/tokens/dashboard";
import { createTokenInput, revokeTokenInput } from "@/server/services/tokens/schemas";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "@/server/doors/trpc/trpc";

/**
 * The dashboard's own procedures, the few that are not registered methods: read-only figures
 * of the session's company, and API tokens (managed only by logged-in admins: a token must
 * not mint tokens).
 */
export const dashboardRouter = createTRPCRouter({
  overview: protectedProcedure.query(({ ctx }) => getDashboardOverview(ctx.service)),

  /** Calls and bookings per company day, last 14 days. */
  activity: protectedProcedure.query(({ ctx }) => getDailyActivity(ctx.service)),

  /** Circuit breakers, the company's error rate of the last hour (process clock: calls are counted with it) and its queue. */
  operations: protectedProcedure.query(({ ctx }) => getOperations(ctx.service)),

  sectionFigures: protectedProcedure
    .input(z.object({ section: z.enum(SECTION_KEYS) }))
    .query(({ ctx, input }) => getSectionFigures({ ...ctx.service, role: ctx.session.user.role }, input.section)),

  /** What "Erste Schritte" ticks off on the way to the first call. */
  setupProgress: adminProcedure.query(({ ctx }) => getSetupProgress(ctx.service)),

  tokens: {
    list: adminProcedure.query(({ ctx }) => listTokens(ctx.service)),
    servers: adminProcedure.query(() => tokenServerOptions()),
    create: adminProcedure.input(createTokenInput).mutation(({ ctx, input }) => createToken(ctx.service, input)),
    revoke: adminProcedure.input(revokeTokenInput).mutation(({ ctx, input }) => revokeToken(ctx.service, input.id)),
  },
});
