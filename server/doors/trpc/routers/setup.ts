import { TRPCError } from "@trpc/server";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { z } from "zod";
import { InvalidParamsError } from "@/server/core/call-errors";
import { createCompanyWithAdmin, isSetupOpen, setupClosed } from "@/server/doors/setup/first-company";
import { getDb } from "@/server/platform/db";
import { env } from "@/server/platform/env";
import { firstCompanyParams } from "@/server/services/company/schemas";
import { setupCodeMatches } from "@/server/services/company/setup-code";
import { createTRPCRouter, publicProcedure } from "@/server/doors/trpc/trpc";

/** Wrong set-up codes allowed per minute on this process (the code has 75 bits; this only keeps the log quiet). */
const wrongCodes = new RateLimiterMemory({ keyPrefix: "askpro:setup-code", points: 10, duration: 60 });

/** A refusal shown under one field of the wizard's form. */
function fieldError(path: string[], message: string): TRPCError {
  const issue = { code: "custom", path, message, input: undefined } as z.core.$ZodIssue;
  return new TRPCError({ code: "BAD_REQUEST", message, cause: new InvalidParamsError([issue]) });
}

/** The set-up wizard's first step, open to visitors without a session while the install has no company. */
export const setupRouter = createTRPCRouter({
  status: publicProcedure.query(async ({ ctx }) => ({ open: await isSetupOpen(ctx.services?.db ?? (await getDb())) })),

  createFirstCompany: publicProcedure.input(firstCompanyParams).mutation(async ({ ctx, input }) => {
    const db = ctx.services?.db ?? (await getDb());
    if (!(await isSetupOpen(db))) throw setupClosed();
    if (!setupCodeMatches(env().AUTH_SECRET, input.setup_code)) {
      const allowed = await wrongCodes.consume("install").then(
        () => true,
        () => false,
      );
      if (!allowed) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "Zu viele falsche Codes. Bitte in einer Minute erneut versuchen." });
      throw fieldError(["setup_code"], "Der Einrichtungscode stimmt nicht. Er steht im Protokoll des Servers beim Start.");
    }
    const { setup_code: _code, ...company } = input;
    // No company exists yet, so neither the slug nor the admin's e-mail address can be taken.
    const created = await createCompanyWithAdmin(db, company, { onlyIfFirst: true, actor: "setup-wizard" });
    return { companyId: created.companyId };
  }),
});
