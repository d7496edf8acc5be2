import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { errorSpec, type AppError } from "@/server/core/errors";

export const INTERNAL_ERROR_MESSAGE = "Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es erneut.";

/** The tRPC code for a domain error code (from the error table); unknown codes are internal errors. */
export function trpcCodeFor(code: number): TRPC_ERROR_CODE_KEY {
  return errorSpec(code)?.trpc ?? "INTERNAL_SERVER_ERROR";
}

/** AppError → TRPCError with the AppError's German message (AppError messages are written to be shown). */
export function appErrorToTRPC(err: AppError): TRPCError {
  return new TRPCError({ code: trpcCodeFor(err.code), message: err.message, cause: err });
}
