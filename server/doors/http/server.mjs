// @ts-check
/**
 * The production HTTP server (`npm start`, the Docker image): Next's request handler, with the
 * phone doors of the direct lane answered without Next's router (server/doors/direct-lane.ts).
 * Takes `-p/--port` and `-H/--hostname` like `next start` (or PORT / HOSTNAME), and stops like
 * it: on SIGTERM/SIGINT no new connections, the requests in flight are answered, then exit.
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { directListener } from "./direct-listener.mjs";

process.env.NODE_ENV ??= "production";
const require = createRequire(import.meta.url);
const next = /** @type {typeof import("next").default} */ (require("next"));
const { securityHeaders } = require("../../platform/security-headers.js");

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME;
const started = Date.now();

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
await app.prepare();
const server = createServer(directListener(app.getRequestHandler(), { headers: securityHeaders({ production: true }) }));
server.listen(port, hostname, () => console.log(`Ready on http://${hostname ?? "localhost"}:${port} in ${Date.now() - started} ms`));

/** @param {NodeJS.Signals} signal */
function stop(signal) {
  process.removeListener("SIGTERM", stop);
  process.removeListener("SIGINT", stop);
  server.close(() => app.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143)));
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
