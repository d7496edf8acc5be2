import { createFirstCompany, isSetupOpen } from "@/server/doors/setup/first-company";
import { getDb } from "@/server/platform/db";
import { env } from "@/server/platform/env";
import { firstCompanyParams } from "@/server/services/company/schemas";
import { createTRPCRouter, publicProcedure } from "@/server/doors/trpc/trpc";

/** The set-up wizard's first step, open to visitors without a session while the install has no company. */
export const setupRouter = createTRPCRouter({
  status: publicProcedure.query(async ({ ctx }) => ({ open: await isSetupOpen(ctx.services?.db ?? (await getDb())) })),

  createFirstCompany: publicProcedure
    .input(firstCompanyParams)
    .mutation(async ({ ctx, input }) => createFirstCompany(ctx.services?.db ?? (await getDb()), env().AUTH_SECRET, input)),
});
