import { handleRpcRequest } from "@/server/doors/jsonrpc/handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** JSON-RPC 2.0 gateway; all logic lives in server/doors/jsonrpc. */
export const POST = handleRpcRequest;
export const GET = handleRpcRequest;
