import { sevenStatusDoor } from "@/server/doors/sms/status-door";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** seven.io's delivery reports (webhook event "dlr", JSON); see server/services/messaging/status-callbacks.ts. */
export function POST(request: Request): Promise<Response> {
  return sevenStatusDoor(request);
}
