import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { prismaOnPglite } from "@/server/platform/db/index";
import { migratePglite, readMigrations } from "@/server/platform/db/migrations";
import { flushWriteBehind } from "@/server/platform/write-behind";

export interface TestDb {
  prisma: PrismaClient;
  pglite: PGlite;
  close(): Promise<void>;
}

/**
 * A fresh, migrated in-memory PGlite for one test file. Creating a cluster costs seconds, so the
 * migrated cluster is built once per migration set and then loaded from a dump (~1-2 s).
 */
export async function createTestDb(): Promise<TestDb> {
  const pglite = new PGlite({ loadDataDir: await templateDump() });
  await pglite.waitReady;
  const prisma = await prismaOnPglite(pglite);
  return {
    prisma,
    pglite,
    async close() {
      // Rows still waiting to be written in a batch go out while their database is open.
      await flushWriteBehind();
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function templateDump(): Promise<Blob> {
  const migrations = readMigrations();
  const key = migrations.map((m) => m.checksum.slice(0, 12)).join("-");
  const file = path.join(os.tmpdir(), "askproai-test-template", `${key.slice(0, 120)}.tar.gz`);
  if (!fs.existsSync(file)) {
    const pg = new PGlite();
    await migratePglite(pg, migrations);
    const dump = await pg.dumpDataDir("gzip");
    await pg.close();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file); // atomic: parallel test workers never read half a file
  }
  return new Blob([fs.readFileSync(file)]);
}
