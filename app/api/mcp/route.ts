import { handleRpcRequest } from "@/server/doors/jsonrpc/handler";
import { offerDirectRoute } from "@/server/doors/direct-lane";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** JSON-RPC 2.0 gateway; all logic lives in server/doors/jsonrpc. */
export const POST = handleRpcRequest;
export const GET = handleRpcRequest;

// Token-authenticated and needs nothing of Next's request context: the production server answers it directly.
offerDirectRoute("/api/mcp", POST);
