import { getServerAuthSession } from "@/server/auth/session";
import { exportDoor } from "@/server/doors/export/export-door";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The company's data as a download (JSON, or CSV per entity); see server/doors/export/export-door.ts. */
export function GET(request: Request): Promise<Response> {
  return exportDoor(request, { session: getServerAuthSession });
}
