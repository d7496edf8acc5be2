import { handleMcpRequest } from "@/server/doors/mcp/handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Model Context Protocol endpoint (Streamable HTTP); all logic lives in server/doors/mcp. */
export const POST = handleMcpRequest;
export const GET = handleMcpRequest;
export const DELETE = handleMcpRequest;
