import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runScript } from "@/server/testing/run-script";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "askpro-prepare-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const envFor = (name: string, extra: Record<string, string>) => ({
  ...process.env,
  DATABASE_URL: "",
  PGLITE_DATA_DIR: path.join(root, name, "pglite"),
  LOG_LEVEL: "warn",
  ...extra,
});

describe("a new embedded database gets demo data only where asked", () => {
  it("in production: no demo companies, and the way to the first company and admin instead", async () => {
    const env = envFor("prod", { NODE_ENV: "production" });
    const r = await runScript("scripts/prepare-db.ts", [], env);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("New database without companies");
    expect(r.stdout).toContain("/einrichtung");
    expect(r.stdout).toContain("npm run company:create");
    expect(r.stdout).toContain("SEED_DEMO=true npm run db:seed");
    const list = await runScript("scripts/mcp-token.ts", ["--company", "demo", "--list"], env);
    expect(list.stdout).toContain("No company with slug 'demo'");
  }, 120_000);

  it("in production with SEED_DEMO=true, and in development: the demo companies", async () => {
    const prod = await runScript("scripts/prepare-db.ts", [], envFor("prod-demo", { NODE_ENV: "production", SEED_DEMO: "true" }));
    expect(prod.code, prod.stdout + prod.stderr).toBe(0);
    expect(prod.stdout).toContain("demo companies seeded");
    const dev = await runScript("scripts/prepare-db.ts", [], envFor("dev", { NODE_ENV: "development" }));
    expect(dev.code, dev.stdout + dev.stderr).toBe(0);
    expect(dev.stdout).toContain("demo companies seeded");
  }, 120_000);
});
