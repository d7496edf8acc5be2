/**
 * A minimal SMTP server on 127.0.0.1 for tests and local development: accepts every
 * message (no TLS, no auth) and keeps it. `failNext` answers the next DATA with a 451;
 * `acceptDelayMs` keeps it (counted in `received`) but acknowledges only after that long, like a slow server.
 */
import { createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Headers and body as sent, dot-stuffing removed. */
  data: string;
}

export interface FakeSmtp {
  url: string;
  received: ReceivedMail[];
  /** Connections accepted so far (a verify without a mail counts too). */
  readonly connections: number;
  failNext(count: number): void;
  close(): Promise<void>;
}

export async function startFakeSmtp(opts: { acceptDelayMs?: number } = {}): Promise<FakeSmtp> {
  const received: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  let failures = 0;
  let connections = 0;

  const server = createServer((socket) => {
    sockets.add(socket);
    connections++;
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let buffer = "";
    let inData = false;
    let mail: ReceivedMail = { from: "", to: [], data: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 fake-smtp ready");

    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          mail.data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          if (failures > 0) {
            failures--;
            reply("451 Requested action aborted: local error");
          } else {
            received.push(mail);
            if (opts.acceptDelayMs) setTimeout(() => socket.writable && reply("250 OK: queued"), opts.acceptDelayMs);
            else reply("250 OK: queued");
          }
          mail = { from: "", to: [], data: "" };
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        switch (line.slice(0, 4).toUpperCase()) {
          case "EHLO":
          case "HELO":
            reply("250 fake-smtp");
            break;
          case "MAIL":
            mail.from = addressIn(line);
            reply("250 OK");
            break;
          case "RCPT":
            mail.to.push(addressIn(line));
            reply("250 OK");
            break;
          case "DATA":
            inData = true;
            reply("354 End data with <CR><LF>.<CR><LF>");
            break;
          case "QUIT":
            reply("221 Bye");
            socket.end();
            break;
          case "RSET":
            mail = { from: "", to: [], data: "" };
            reply("250 OK");
            break;
          default:
            reply("250 OK");
        }
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get connections() {
      return connections;
    },
    failNext(count) {
      failures = count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function addressIn(line: string): string {
  return /<([^>]*)>/.exec(line)?.[1] ?? "";
}
