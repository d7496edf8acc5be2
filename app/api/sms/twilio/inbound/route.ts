import { twilioInboundDoor } from "@/server/doors/sms/status-door";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Replies to our SMS through Twilio (STOP ends SMS to that customer); see server/services/messaging/status-callbacks.ts. */
export function POST(request: Request): Promise<Response> {
  return twilioInboundDoor(request);
}
