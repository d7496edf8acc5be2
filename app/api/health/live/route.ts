import { handleLiveRequest } from "@/server/platform/health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Liveness for load balancers and orchestrators: the process is up. */
export function GET(): Response {
  return handleLiveRequest();
}
