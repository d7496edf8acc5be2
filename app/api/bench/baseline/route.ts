export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Benchmark baseline: the cheapest possible route handler (no auth, no database), so
 * `npm run bench` can compare the gateway with what Next itself costs per request.
 */
export function GET(): Response {
  return Response.json({ ok: true });
}

export function POST(): Response {
  return Response.json({ ok: true });
}
