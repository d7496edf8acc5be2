import { handleMetricsRequest } from "@/server/platform/metrics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Prometheus metrics; Bearer METRICS_TOKEN when set. */
export function GET(request: Request): Promise<Response> {
  return handleMetricsRequest(request);
}
