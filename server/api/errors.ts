import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { AppError } from "@/server/errors";

export const INTERNAL_ERROR_MESSAGE = "Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es erneut.";

/** The tRPC code for a domain error code; unknown codes are internal errors. */
export function trpcCodeFor(code: number): TRPC_ERROR_CODE_KEY {
  if (code === 3005 || code === 3001) return "NOT_FOUND";
  if (code === 3006) return "FORBIDDEN";
  if (code === 3007) return "CONFLICT";
  if (code === 3008) return "TOO_MANY_REQUESTS";
  if (code === 3004) return "SERVICE_UNAVAILABLE";
  if (code >= 4000 && code < 5000) return "BAD_REQUEST";
  return "INTERNAL_SERVER_ERROR";
}

/** AppError → TRPCError with the AppError's German message (AppError messages are written to be shown). */
export function appErrorToTRPC(err: AppError): TRPCError {
  return new TRPCError({ code: trpcCodeFor(err.code), message: err.message, cause: err });
}
