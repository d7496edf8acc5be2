import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultBackupFile, dumpPglite, restorePgliteFolder, writeBackupFile } from "./backup";
import { openPglite } from "./pglite";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "askpro-backup-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("backup of the embedded database", { timeout: 120_000 }, () => {
  it("is a consistent copy taken while writes go on, restored into a folder that opens", async () => {
    const source = await openPglite(path.join(root, "live", "pglite"));
    await source.exec(`CREATE TABLE "_prisma_migrations" (id text); CREATE TABLE bookings (n int PRIMARY KEY, check_text text NOT NULL)`);
    let committed = 0;
    let writing = true;
    const writer = (async () => {
      for (let n = 1; writing; n++) {
        await source.query("INSERT INTO bookings VALUES ($1::int, md5($1::int::text))", [n]);
        committed = n;
        await new Promise((r) => setImmediate(r)); // like requests arriving: other work gets its turn
      }
    })();
    while (committed < 50) await new Promise((r) => setTimeout(r, 5));
    const before = committed;
    const bytes = await dumpPglite(source);
    const after = committed;
    writing = false;
    await writer;
    await source.close();

    const file = path.join(root, "copy.tar.gz");
    writeBackupFile(file, bytes);
    const target = path.join(root, "restored", "pglite");
    expect(await restorePgliteFolder(target, file)).toEqual({ keptAside: null });
    const restored = await openPglite(target);
    try {
      const { rows } = await restored.query<{ count: number; max: number; bad: number }>(
        "SELECT count(*)::int AS count, max(n) AS max, count(*) FILTER (WHERE check_text <> md5(n::text))::int AS bad FROM bookings",
      );
      const { count, max, bad } = rows[0]!;
      expect(count).toBeGreaterThanOrEqual(before);
      expect(count).toBeLessThanOrEqual(after + 1);
      expect(max).toBe(count); // no gaps: every booking up to the last one in the copy
      expect(bad).toBe(0);
    } finally {
      await restored.close();
    }
  });

  it("keeps the old folder aside on restore, and refuses a file that is no backup without touching the folder", async () => {
    const dir = path.join(root, "aside", "pglite");
    const pg = await openPglite(dir);
    await pg.exec(`CREATE TABLE "_prisma_migrations" (id text); CREATE TABLE marker (v text); INSERT INTO marker VALUES ('alt')`);
    const file = defaultBackupFile(dir, new Date("2026-11-28T14:23:00Z"));
    expect(file).toBe(path.join(root, "aside", "backups", "pglite-20261128-142300.tar.gz"));
    writeBackupFile(file, await dumpPglite(pg));
    await pg.exec(`UPDATE marker SET v = 'neu'`);
    await pg.close();

    const junk = path.join(root, "junk.tar.gz");
    fs.writeFileSync(junk, "kein Backup");
    await expect(restorePgliteFolder(dir, junk)).rejects.toThrow("is not a backup of this app's embedded database");

    const { keptAside } = await restorePgliteFolder(dir, file);
    expect(keptAside).toMatch(/pglite\.before-restore-\d{8}-\d{6}$/);
    const read = async (d: string) => {
      const db = await openPglite(d);
      try {
        return (await db.query<{ v: string }>("SELECT v FROM marker")).rows[0]!.v;
      } finally {
        await db.close();
      }
    };
    expect(await read(dir)).toBe("alt");
    expect(await read(keptAside!)).toBe("neu");
  });
});
