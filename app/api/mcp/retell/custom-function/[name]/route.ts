import { handleCustomFunction } from "@/server/doors/retell/custom-function-door";
import { offerDirectRouteWithSegment } from "@/server/doors/direct-lane";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Tools with `args_at_root`: the tool name in the path, company and call id in the query. */
export async function POST(request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  return handleCustomFunction(request, (await params).name);
}

offerDirectRouteWithSegment("/api/mcp/retell/custom-function/", (request, name) => handleCustomFunction(request, name));
