import { z } from "zod";
import { getDailyActivity } from "@/server/services/dashboard/daily-activity";
import { getOperationsStatus } from "@/server/services/dashboard/operations";
import { getDashboardOverview } from "@/server/services/dashboard/overview";
import { getSectionFigures, SECTION_KEYS } from "@/server/services/dashboard/sections";
import * as mcp from "@/server/services/meta/schemas";
import { methodQuery } from "@/server/doors/trpc/method-procedure";
import { createTRPCRouter, protectedProcedure } from "@/server/doors/trpc/trpc";

export const dashboardRouter = createTRPCRouter({
  overview: protectedProcedure.query(({ ctx }) => getDashboardOverview(ctx.service)),

  /** Calls and bookings per company day, last 14 days. */
  activity: protectedProcedure.query(({ ctx }) => getDailyActivity(ctx.service)),

  /** Health of every MCP server, through the service layer like `mcp.health` on the gateway. */
  health: methodQuery("mcp.health", mcp.healthParams, mcp.healthResult),

  /** Circuit breakers and the company's error rate of the last hour (process clock: calls are counted with it). */
  operations: protectedProcedure.query(({ ctx }) => getOperationsStatus(ctx.service.companyId)),

  sectionFigures: protectedProcedure
    .input(z.object({ section: z.enum(SECTION_KEYS) }))
    .query(({ ctx, input }) => getSectionFigures({ ...ctx.service, role: ctx.session.user.role }, input.section)),
});
