import { appErrorCode } from "@/components/forms/trpc-errors";

/** Retell refused the company's key or none is stored (the service's code 1001). */
export const NOT_CONNECTED = 1001;

/**
 * Query options for reads from Retell: the service already retries behind its circuit
 * breaker, so a domain error (not connected, unreachable) is shown at once, not retried.
 */
export const retellReadOptions = {
  retry: (failures: number, err: unknown) => appErrorCode(err) === null && failures < 1,
};

const VERSION_WORDS: Record<string, string> = { latest: "Neueste Version", latest_published: "Neueste veröffentlichte Version" };

/** 2 → "Version 2"; "latest_published" or none → "Neueste veröffentlichte Version" (Retell's default). */
export function versionLabel(version: number | string | undefined): string {
  if (typeof version === "number") return `Version ${version}`;
  return VERSION_WORDS[version ?? "latest_published"] ?? String(version);
}
