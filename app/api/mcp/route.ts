import { handleRpcRequest } from "@/server/rpc/handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** JSON-RPC 2.0 gateway (spec §2, §7); all logic lives in server/rpc. */
export const POST = handleRpcRequest;
export const GET = handleRpcRequest;
