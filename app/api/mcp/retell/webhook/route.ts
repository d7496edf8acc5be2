import { handleRetellWebhook } from "@/server/doors/retell/webhook-door";
import { offerDirectRoute } from "@/server/doors/direct-lane";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Retell's call events; see server/doors/retell/webhook-door.ts. */
export function POST(request: Request): Promise<Response> {
  return handleRetellWebhook(request);
}

offerDirectRoute("/api/mcp/retell/webhook", POST);
