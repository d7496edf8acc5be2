import { jsonResponse } from "@/server/doors/request-kit";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Benchmark baseline: the cheapest possible route handler (no auth, no database), so
 * `npm run bench` can compare the gateway with what Next itself costs per request. It answers
 * through the same JSON helper as the doors, so both sides are sent alike (no gzip below 1 KiB).
 */
export function GET(): Response {
  return jsonResponse({ ok: true }, 200);
}

export function POST(): Response {
  return jsonResponse({ ok: true }, 200);
}
