/**
 * The local channel through which command-line tools ask the running app to do their work:
 * HTTP on 127.0.0.1 (a random port, written into the data folder's lock), each request carrying
 * the lock's secret, which only the owner of the lock file can read. This is the app's side;
 * channel-client.ts is the tool's.
 */
import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { isAppError } from "@/server/core/errors";
import { logger } from "@/server/platform/logger";
import type { OperationResult } from "./channel-client";
import { operations } from "./operations";
import type { OperationContext } from "./types";

const request = z.object({ op: z.string(), argv: z.array(z.string()), cwd: z.string() });

/** Runs one operation with the given database; a refusal of the service is printed, not thrown. */
export async function runOperationHere(op: string, ctx: Omit<OperationContext, "out">, argv: string[]): Promise<OperationResult> {
  const lines: string[] = [];
  const out = (line: string) => lines.push(line);
  const operation = operations[op];
  if (!operation) return { exitCode: 2, lines: [`Unknown operation '${op}'.`] };
  try {
    return { exitCode: await operation({ ...ctx, out }, argv), lines };
  } catch (err) {
    if (!isAppError(err)) logger.error({ err, op }, "command-line operation failed");
    out(err instanceof Error ? err.message : String(err));
    return { exitCode: 1, lines };
  }
}

export interface ControlServer {
  port: number;
  close(): Promise<void>;
}

/** Serves operations for local tools; `secret()` is the current lock's secret. */
export async function startControlServer(
  secret: () => string,
  context: () => Promise<Omit<OperationContext, "out" | "cwd">>,
): Promise<ControlServer> {
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      logger.error({ err }, "control channel request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "");
    const expected = Buffer.from(secret());
    if (req.method !== "POST" || req.url !== "/run" || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(401).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: z.infer<typeof request>;
    try {
      body = request.parse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const result = await runOperationHere(body.op, { ...(await context()), cwd: body.cwd }, body.argv);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.unref(); // never keeps a stopping process alive
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
