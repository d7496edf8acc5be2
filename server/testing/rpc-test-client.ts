/** Tests of the master-data methods call them the way an API client does: JSON-RPC over real HTTP. */
import type { PrismaClient } from "@/server/generated/prisma/client";
import { createRpcHandler } from "@/server/doors/jsonrpc/handler";
import { serveFetchHandler } from "@/server/testing/serve";

export interface RpcAnswer<T = unknown> {
  result?: { success: boolean; data: T; metadata: { cached: boolean } };
  error?: { code: number; message: string; data?: { type?: string; issues?: Array<{ path: Array<string | number>; message: string }> } };
}

export interface RpcTestClient {
  /** One JSON-RPC call with the company's API token. */
  call<T = unknown>(token: string, method: string, params?: unknown): Promise<RpcAnswer<T>>;
  close(): Promise<void>;
}

export async function startRpcGateway(db: PrismaClient, now: () => Date): Promise<RpcTestClient> {
  const served = await serveFetchHandler(createRpcHandler({ db, now }));
  let id = 0;
  return {
    async call<T>(token: string, method: string, params?: unknown) {
      const res = await fetch(`${served.url}/`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-mcp-token": token },
        body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }),
      });
      return (await res.json()) as RpcAnswer<T>;
    },
    close: () => served.close(),
  };
}

/** "path → message" of an answer's field issues, for compact assertions. */
export function issuesOf(answer: RpcAnswer): Record<string, string> {
  return Object.fromEntries((answer.error?.data?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}
