/**
 * What every door (JSON-RPC gateway, MCP, tRPC, Retell, Cal.com webhook) does the same way:
 * read the body with a size limit, parse JSON, take one validated correlation id, answer JSON.
 *
 * The body is streamed and counted as it arrives (a chunked body has no Content-Length to
 * trust) and cut off as soon as it passes the limit, so an oversized body is never held in memory.
 */
import { randomUUID } from "node:crypto";

/** Gateway and MCP requests: JSON-RPC calls and batches. */
export const RPC_BODY_LIMIT_BYTES = 1_000_000;
/** Retell and Cal.com webhooks: a call with its full transcript fits easily. */
export const WEBHOOK_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export type BodyRead = { ok: true; text: string } | { ok: false; reason: "too_large" };

/** The body as UTF-8 text, or `too_large` (answer 413) once more than `limitBytes` arrived or were announced. */
export async function readBodyWithin(request: Request, limitBytes: number): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limitBytes) {
    await request.body?.cancel().catch(() => {});
    return { ok: false, reason: "too_large" };
  }
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}

export type JsonRead = { ok: true; value: unknown } | { ok: false };

/** JSON.parse without throwing. */
export function parseJson(text: string): JsonRead {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The header a correlation id travels in, both ways. */
export const CORRELATION_HEADER = "x-request-id";
/** Other names callers use for it (MCP clients, the dashboard's tRPC link). */
const CORRELATION_ALIASES = ["x-mcp-request-id", "x-correlation-id"];
const SAFE_ID = /^[A-Za-z0-9._:\-]{1,128}$/;

/** The caller's correlation id when it is a sane value (letters, digits, `._:-`, at most 128), else a new UUID. */
export function correlationIdFrom(headers: Headers): string {
  for (const name of [CORRELATION_HEADER, ...CORRELATION_ALIASES]) {
    const value = headers.get(name)?.trim();
    if (value && SAFE_ID.test(value)) return value;
  }
  return randomUUID();
}

/** A JSON answer that is never cached, carrying the correlation id. */
export function jsonResponse(body: unknown, status: number, correlationId?: string, headers: Record<string, string> = {}): Response {
  const bytes = Buffer.from(JSON.stringify(body));
  return new Response(bytes, {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      // A known length lets the server skip gzip for small answers (below 1 KiB it costs more than it saves).
      "content-length": String(bytes.byteLength),
      ...(correlationId ? { [CORRELATION_HEADER]: correlationId } : {}),
      ...headers,
    },
  });
}
