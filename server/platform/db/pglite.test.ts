import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
