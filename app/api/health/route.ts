import { handleHealthRequest } from "@/server/platform/health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Liveness (?probe=live) and readiness: database, migrations, circuit breakers. */
export function GET(request: Request): Promise<Response> {
  return handleHealthRequest(request);
}
