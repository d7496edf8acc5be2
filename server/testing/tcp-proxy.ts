/**
 * A TCP forwarder on 127.0.0.1 that a test can cut and restore, to make a real PostgreSQL or
 * Redis unreachable for one client: `cut()` drops every open connection and refuses new ones
 * (the port stays reserved for `restore()`), like a network partition or a crashed server;
 * `freeze()` keeps the connections open but passes nothing on, like a server that hangs.
 */
import { connect, createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface TcpProxy {
  port: number;
  /** `scheme://host:port/...` of `targetUrl` with host and port replaced by the proxy's. */
  url(targetUrl: string): string;
  cut(): Promise<void>;
  freeze(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let frozen = false;

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(targetPort, targetHost);
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", drop).on("close", drop);
        upstream.on("error", drop).on("close", drop);
        // Data is passed on by hand so that freeze() can swallow it.
        client.on("data", (chunk) => void (frozen || upstream.write(chunk)));
        upstream.on("data", (chunk) => void (frozen || client.write(chunk)));
      });
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        server = s;
        resolve((s.address() as AddressInfo).port);
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });

  const port = await listen(0);
  return {
    port,
    url(targetUrl) {
      const u = new URL(targetUrl);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    cut: stop,
    freeze() {
      frozen = true;
    },
    async restore() {
      frozen = false;
      if (!server) await listen(port);
    },
    close: stop,
  };
}
