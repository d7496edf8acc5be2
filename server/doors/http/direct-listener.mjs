// @ts-check
/**
 * The request listener of the production HTTP server: a POST the direct lane has a handler for
 * (server/doors/direct-lane.ts) is answered by that handler, everything else by Next.
 */
import { answerWithFetchHandler } from "./fetch-adapter.mjs";

/** @typedef {{ match(method: string, pathname: string): import("./fetch-adapter.mjs").FetchHandler | null }} DirectLane */
/** @typedef {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void> | void} NodeHandler */

/** The lane the route modules filled in, once Next has loaded one of them. */
export function laneOnGlobal() {
  return /** @type {{ __askproDirectLane?: DirectLane }} */ (globalThis).__askproDirectLane ?? null;
}

/**
 * @param {NodeHandler} nextHandler Next's request handler
 * @param {{ lane?: () => DirectLane | null, headers?: { key: string, value: string }[] }} [options]
 *   `headers`: what next.config.js adds to every answer, added to the lane's answers too
 * @returns {NodeHandler}
 */
export function directListener(nextHandler, { lane = laneOnGlobal, headers = [] } = {}) {
  return (req, res) => {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const handler = lane()?.match(req.method ?? "GET", query === -1 ? url : url.slice(0, query));
    return handler ? answerWithFetchHandler(handler, req, res, headers) : nextHandler(req, res);
  };
}
