/**
 * A process for the shutdown test: an outbox worker on DATABASE_URL with a slow channel and the
 * app's graceful shutdown; prints what happens, one word per line.
 */
import "@/server/composition";
import { PrismaPg } from "@prisma/adapter-pg";
import pino from "pino";
import { PrismaClient } from "@/server/generated/prisma/client";
import { installGracefulShutdown } from "@/server/platform/lifecycle";
import type { DeliveryChannel } from "@/server/platform/outbox/channels";
import { startOutboxWorker } from "@/server/platform/outbox/worker";

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
const slow: DeliveryChannel = {
  name: "slow",
  async send(message) {
    console.log(`sending ${message.to}`);
    await new Promise((r) => setTimeout(r, 800));
    console.log(`sent ${message.to}`);
  },
};
const worker = startOutboxWorker({ db, workerId: "child", intervalMs: 50, log: pino({ level: "silent" }), channels: { email: slow, sms: slow } });
installGracefulShutdown({
  stopWork: () => worker.stop(),
  closeConnections: async () => {
    await db.$disconnect();
    console.log("closed");
  },
});
console.log("started");
