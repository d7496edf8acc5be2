import { handleCustomFunction } from "@/server/doors/retell/custom-function-door";
import { offerDirectRoute } from "@/server/doors/direct-lane";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Retell's tool calls during a live call; see server/doors/retell/custom-function-door.ts. */
export function POST(request: Request): Promise<Response> {
  return handleCustomFunction(request);
}

offerDirectRoute("/api/mcp/retell/custom-function", POST);
