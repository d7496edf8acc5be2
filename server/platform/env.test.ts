import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

function tmpDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "askpro-env-"));
}

describe("environment validation", () => {
  it("names a malformed variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", PGLITE_DATA_DIR: path.join(tmpDir(), "pg") })).toThrow(/DATABASE_URL: must be a postgresql/);
    expect(() => parseEnv({ ENCRYPTION_KEY: "abc", PGLITE_DATA_DIR: path.join(tmpDir(), "pg") })).toThrow(/ENCRYPTION_KEY/);
  });

  it("refuses production on PostgreSQL without secrets, naming them", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://u@h/db" })).toThrow(
      /AUTH_SECRET: required in production[\s\S]*ENCRYPTION_KEY: required/,
    );
  });

  it("generates embedded secrets once and keeps them", () => {
    const dir = tmpDir();
    const a = parseEnv({ PGLITE_DATA_DIR: path.join(dir, "pglite") });
    const b = parseEnv({ PGLITE_DATA_DIR: path.join(dir, "pglite") });
    expect(a.embedded).toBe(true);
    expect(a.ENCRYPTION_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(a.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(b.ENCRYPTION_KEY).toBe(a.ENCRYPTION_KEY);
    expect((fs.statSync(path.join(dir, "secrets.json")).mode & 0o777).toString(8)).toBe("600");
  });

  it("uses explicit secrets when given", () => {
    const key = "ab".repeat(32);
    const e = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://u@h/db", AUTH_SECRET: "x".repeat(40), ENCRYPTION_KEY: key });
    expect(e.embedded).toBe(false);
    expect(e.ENCRYPTION_KEY).toBe(key);
  });
});
