// @ts-check
/**
 * A fetch-style handler (web Request in, Response out) answering a node:http request: the
 * production server's direct lane and the test servers (server/testing/serve.ts) use it.
 */
import { Readable } from "node:stream";

/** @typedef {(request: Request) => Promise<Response>} FetchHandler */

/**
 * Streams the answer as the handler produces it (server-sent events pass through); a JSON answer
 * goes out whole, with its length. A handler that throws gets what Next answers then: a bare 500,
 * the error on stderr, nothing to the client.
 * @param {FetchHandler} handler
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ key: string, value: string }[]} [extraHeaders] set before the handler's own
 */
export async function answerWithFetchHandler(handler, req, res, extraHeaders = []) {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  try {
    const response = await handler(toRequest(req, controller.signal));
    for (const { key, value } of extraHeaders) res.setHeader(key, value);
    response.headers.forEach((value, key) => {
      if (key !== "set-cookie") res.setHeader(key, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) res.setHeader("set-cookie", cookies);
    if (response.body && isJson(response)) {
      // A JSON answer is complete once made: sent with its length in one write, not as chunks.
      const body = Buffer.from(await response.arrayBuffer());
      res.setHeader("content-length", body.length);
      res.writeHead(response.status, response.statusText || undefined);
      return void res.end(body);
    }
    res.writeHead(response.status, response.statusText || undefined);
    if (!response.body) return void res.end();
    const reader = response.body.getReader();
    res.on("close", () => void reader.cancel().catch(() => {}));
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
    res.end();
  } catch (err) {
    console.error(err);
    if (res.headersSent) return void res.destroy();
    res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error");
  }
}

function isJson(/** @type {Response} */ response) {
  return /^application\/(?:[\w.+-]*\+)?json\b/i.test(response.headers.get("content-type") ?? "");
}

/** The same URL, headers and a streamed body (the handler decides how much of it to read). */
function toRequest(/** @type {import("node:http").IncomingMessage} */ req, /** @type {AbortSignal} */ signal) {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  // The Host header names the URL's origin, as in Next; one that is not a host name cannot.
  const host = req.headers.host && /^[\w.:[\]-]+$/.test(req.headers.host) ? req.headers.host : "localhost";
  return new Request(`http://${host}${req.url ?? "/"}`, {
    method,
    headers,
    signal,
    ...(hasBody ? { body: /** @type {ReadableStream<Uint8Array>} */ (Readable.toWeb(req)), duplex: "half" } : {}),
  });
}
