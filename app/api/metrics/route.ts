import { handleMetricsRequest } from "@/server/metrics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Prometheus metrics (spec §9.1); Bearer METRICS_TOKEN when set. */
export function GET(request: Request): Promise<Response> {
  return handleMetricsRequest(request);
}
