import { TRPCClientError } from "@trpc/client";
import { toast } from "@/components/ui/sonner";

interface ErrorData {
  issues?: Array<{ path: string; message: string }> | null;
}

/** The German message of a failed call (the server writes them to be shown). */
export function errorMessage(err: unknown): string {
  if (err instanceof TRPCClientError && err.message) return err.message;
  return "Die Aktion ist fehlgeschlagen. Bitte versuchen Sie es erneut.";
}

/** The domain error code of a failed call (error.data.appError.code), if any. */
export function appErrorCode(err: unknown): number | null {
  if (!(err instanceof TRPCClientError)) return null;
  return (err.data as { appError?: { code?: number } | null } | undefined)?.appError?.code ?? null;
}

/** Field errors of a failed call by path ("url", "parameters.properties"); the first message per field. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof TRPCClientError)) return {};
  const issues = (err.data as ErrorData | undefined)?.issues ?? [];
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path || "_"] ??= issue.message;
  return out;
}

/** onError for mutations: the message as a toast. */
export function toastError(err: unknown): void {
  toast.error(errorMessage(err));
}
