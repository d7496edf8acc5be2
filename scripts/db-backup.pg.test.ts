import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgTestDb, reportPgSkip, type PgTestDb } from "@/server/testing/pg-test-db";
import { runScript } from "@/server/testing/run-script";

const enabled = Boolean(process.env.DATABASE_URL);
reportPgSkip("db:backup and db:restore with pg_dump/pg_restore");

let db: PgTestDb;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "askpro-pg-backup-"));
beforeAll(async () => {
  if (enabled) db = await createPgTestDb({ poolSize: 2 });
}, 120_000);
afterAll(async () => {
  if (enabled) await db.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe.skipIf(!enabled)("backups on PostgreSQL", { timeout: 120_000 }, () => {
  it("db:backup runs pg_dump and db:restore puts the dump back with pg_restore", async () => {
    const env = { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: "warn" };
    await db.prisma.company.create({ data: { name: "In der Sicherung", slug: "in-der-sicherung" } });
    const file = path.join(root, "askpro.dump");
    const backup = await runScript("scripts/db-backup.ts", ["--out", file], env);
    expect(backup.code, backup.stdout + backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`Backup written: ${file}`);

    await db.prisma.company.create({ data: { name: "Danach", slug: "danach" } });
    const restore = await runScript("scripts/db-restore.ts", [file], env);
    expect(restore.code, restore.stdout + restore.stderr).toBe(0);
    const slugs = (await db.prisma.company.findMany({ select: { slug: true } })).map((c) => c.slug);
    expect(slugs).toEqual(["in-der-sicherung"]);
  });
});
