import { z } from "zod";
import { getDashboardOverview } from "@/server/dashboard/overview";
import { getSectionFigures, SECTION_KEYS } from "@/server/dashboard/sections";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const dashboardRouter = createTRPCRouter({
  overview: protectedProcedure.query(({ ctx }) => getDashboardOverview(ctx.service)),

  sectionFigures: protectedProcedure
    .input(z.object({ section: z.enum(SECTION_KEYS) }))
    .query(({ ctx, input }) => getSectionFigures({ ...ctx.service, role: ctx.session.user.role }, input.section)),
});
