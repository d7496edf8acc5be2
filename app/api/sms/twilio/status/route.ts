import { twilioStatusDoor } from "@/server/doors/sms/status-door";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Twilio's delivery reports for our SMS; see server/services/messaging/status-callbacks.ts. */
export function POST(request: Request): Promise<Response> {
  return twilioStatusDoor(request);
}
