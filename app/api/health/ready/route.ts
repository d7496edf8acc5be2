import { handleReadyRequest } from "@/server/platform/health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Readiness for load balancers: database reachable, migrations applied, not shutting down. */
export function GET(): Promise<Response> {
  return handleReadyRequest();
}
