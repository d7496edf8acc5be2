/**
 * tRPC setup in three parts: (1) the context built per request from the next-auth session,
 * (2) initialisation with superjson and an error formatter that keeps internals out of answers,
 * (3) the procedures routers are built from.
 */
import "@/server/composition";
import { correlationIdFrom } from "@/server/doors/request-kit";
import { initTRPC, TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { serviceContextFromSession, type ServiceContextOptions } from "@/server/auth/service-context";
import { toAppError } from "@/server/platform/db/outage";
import { isAppError } from "@/server/core/errors";
import { InvalidParamsError } from "@/server/core/call-errors";
import { appErrorToTRPC, INTERNAL_ERROR_MESSAGE } from "./errors";

/* 1. Context */

export interface TRPCContext {
  session: Session | null;
  correlationId: string;
  /** Overrides for the ServiceContext (tests: their own database and a fixed clock). */
  services?: Pick<ServiceContextOptions, "db" | "now">;
}

export function createTRPCContext(opts: {
  headers: Headers;
  session: Session | null;
  services?: TRPCContext["services"];
}): TRPCContext {
  return { session: opts.session, correlationId: correlationIdFrom(opts.headers), services: opts.services };
}

/* 2. Initialisation */

/** Procedure metadata: `method` names the registered MCP method a bridged procedure calls. */
export interface ProcedureMeta {
  method?: string;
}

const t = initTRPC.context<TRPCContext>().meta<ProcedureMeta>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    // Input rejected by tRPC's own parser (ZodError) or by the called method (InvalidParamsError).
    const invalid = cause instanceof ZodError ? cause : cause instanceof InvalidParamsError ? new ZodError(cause.issues) : null;
    const zodError = invalid ? z.flattenError(invalid) : null;
    // Every issue with its full path ("parameters.properties"), so forms can mark nested fields.
    const issues = invalid?.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) ?? null;
    const appError = isAppError(cause) ? { code: cause.code, type: cause.type, retryAfter: cause.retryAfter ?? null } : null;
    let message = shape.message;
    if (zodError) message = "Die Eingaben sind ungültig.";
    else if (error.code === "INTERNAL_SERVER_ERROR" && !appError) message = INTERNAL_ERROR_MESSAGE;
    return {
      ...shape,
      message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, zodError, issues, appError },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/* 3. Procedures */

/**
 * Domain errors thrown anywhere below become tRPC errors with their German message; field
 * refusals (InvalidParamsError) become BAD_REQUEST, whose issues the formatter hands to the form.
 */
const domainErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof InvalidParamsError) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Die Eingaben sind ungültig.", cause: result.error.cause });
  }
  const appError = result.ok ? null : toAppError(result.error.cause, { door: "trpc", correlationId: ctx.correlationId });
  if (appError) throw appErrorToTRPC(appError);
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

/** A logged-in user; `ctx.service` is the ServiceContext for the user's company. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Bitte melden Sie sich an." });
  const service = await serviceContextFromSession(ctx.session, { ...ctx.services, correlationId: ctx.correlationId });
  return next({ ctx: { session: ctx.session, service } });
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.session.user.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Keine Berechtigung." });
  return next();
});
