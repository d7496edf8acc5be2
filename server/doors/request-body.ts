/**
 * The one way every door (Retell, Cal.com webhook, JSON-RPC gateway, MCP) reads a request body:
 * streamed, counted as it arrives (a chunked body has no Content-Length to trust), and cut off
 * as soon as it passes the limit, so an oversized body is never held in memory.
 */

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
