import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it, vi } from "vitest";
import { EMBEDDED_SHARED_BUFFERS, openPglite } from "./pglite";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "askproai-pglite-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the embedded database", () => {
  it("runs with a small page cache instead of PGlite's 128 MB, also when a data folder is opened again", async () => {
    const dir = path.join(root, "pglite");
    for (let round = 0; round < 2; round++) {
      const pg = await openPglite(dir);
      try {
        const { rows } = await pg.query<{ shared_buffers: string }>("SHOW shared_buffers");
        expect(rows[0]!.shared_buffers).toBe(EMBEDDED_SHARED_BUFFERS);
        expect(EMBEDDED_SHARED_BUFFERS).not.toBe("128MB");
      } finally {
        await pg.close();
      }
    }
  });
});

/** A project folder of its own, so these tests neither use nor damage the project's cached cluster. */
function projectWithPglite(name: string): { dir: string; template: string } {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, "node_modules", "@electric-sql", "pglite"), { recursive: true });
  fs.writeFileSync(path.join(dir, "node_modules", "@electric-sql", "pglite", "package.json"), JSON.stringify({ version: "9.9.9" }));
  return { dir, template: path.join(dir, "node_modules", ".cache", "askproai", "pglite-9.9.9-empty-cluster.tar") };
}

const systemId = async (pg: PGlite) => (await pg.query<{ id: string }>("SELECT system_identifier::text AS id FROM pg_control_system()")).rows[0]!.id;

async function withDb<T>(dataDir: string, project: string, work: (pg: PGlite) => Promise<T>): Promise<T> {
  const pg = await openPglite(dataDir, project);
  try {
    return await work(pg);
  } finally {
    await pg.close();
  }
}

describe("a new embedded database", { timeout: 60_000 }, () => {
  it("is a copy of the empty cluster the first one on this machine was made with, not of its data", async () => {
    const project = projectWithPglite("copies");
    const first = await withDb(path.join(project.dir, "a"), project.dir, async (pg) => {
      await pg.exec("CREATE TABLE written_after_opening (id int)");
      return systemId(pg);
    });
    expect(fs.statSync(project.template).size).toBeGreaterThan(1_000_000);

    for (const dataDir of [path.join(project.dir, "b"), "memory://"]) {
      await withDb(dataDir, project.dir, async (pg) => {
        expect(await systemId(pg)).toBe(first);
        expect((await pg.query("SELECT 1 FROM pg_tables WHERE tablename = 'written_after_opening'")).rows).toEqual([]);
        expect((await pg.query<{ shared_buffers: string }>("SHOW shared_buffers")).rows[0]!.shared_buffers).toBe(EMBEDDED_SHARED_BUFFERS);
      });
    }
    // Opened again, the copy keeps what was written to it.
    await withDb(path.join(project.dir, "b"), project.dir, (pg) => pg.exec("CREATE TABLE kept (id int)"));
    expect(await withDb(path.join(project.dir, "b"), project.dir, async (pg) => (await pg.query("SELECT 1 FROM pg_tables WHERE tablename = 'kept'")).rows)).toHaveLength(1);
  });

  it("is made by initdb when the cached cluster is damaged, and the damaged one is replaced", async () => {
    const project = projectWithPglite("damaged");
    await withDb(path.join(project.dir, "first"), project.dir, async () => undefined);
    // Cut off halfway, as by a full disk: unpacking it leaves a folder that looks like a database.
    fs.truncateSync(project.template, Math.floor(fs.statSync(project.template).size / 2));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const made = await withDb(path.join(project.dir, "c"), project.dir, async (pg) => {
        await pg.exec("CREATE TABLE works (id int); INSERT INTO works VALUES (1)");
        return systemId(pg);
      });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("creating it anew"));
      expect(await withDb(path.join(project.dir, "c"), project.dir, async (pg) => (await pg.query("SELECT id FROM works")).rows)).toEqual([{ id: 1 }]);
      expect(fs.statSync(project.template).size).toBeGreaterThan(1_000_000);
      expect(await withDb(path.join(project.dir, "d"), project.dir, systemId)).toBe(made);
    } finally {
      warn.mockRestore();
    }
  });
});
