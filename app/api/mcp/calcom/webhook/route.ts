import { calcomWebhookDoor } from "@/server/mcp/calcom/webhook-door";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Bookings created, moved or cancelled in Cal.com; see server/mcp/calcom/webhook.ts. */
export function POST(request: Request): Promise<Response> {
  return calcomWebhookDoor(request);
}
