import type { HealthStatus, ServerDef } from "@/server/core/types";

const TIMEOUT_MS = 3_000;

/** Runs a server's own health check with a time limit; a server without one counts as healthy. */
export async function checkServerHealth(server: ServerDef): Promise<HealthStatus> {
  if (!server.health) return { ok: true };
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      server.health(),
      new Promise<HealthStatus>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, message: "Zeitüberschreitung der Statusprüfung" }), TIMEOUT_MS);
      }),
    ]);
  } catch {
    return { ok: false, message: "Statusprüfung fehlgeschlagen" };
  } finally {
    clearTimeout(timer);
  }
}
