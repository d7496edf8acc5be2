import { calcomWebhookDoor } from "@/server/doors/calcom/webhook-door";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Bookings created, moved or cancelled in Cal.com; see server/services/calcom/webhook.ts. */
export function POST(request: Request): Promise<Response> {
  return calcomWebhookDoor(request);
}
