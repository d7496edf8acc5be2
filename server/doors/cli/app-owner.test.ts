import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { lockFileFor } from "@/server/platform/db/lock";
import { openPglite } from "@/server/platform/db/pglite";
import { TSX_NODE_ARGS } from "@/server/testing/run-script";

const FIXTURE = path.join(process.cwd(), "server", "testing", "owner-process.ts");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "askpro-owner-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Starts an owning process, waits for READY, sends the signal; its output and exit code. */
async function signalled(dataDir: string, signal: NodeJS.Signals, args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [...TSX_NODE_ARGS, FIXTURE, ...args], {
    env: { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn", OUTBOX_WORKER: "false" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      output += `${line}\n`;
      if (line === "READY") resolve();
    });
    void exited.then(() => reject(new Error(`the owner exited before it was ready:\n${output}`)));
  });
  expect(fs.existsSync(lockFileFor(dataDir))).toBe(true);
  child.kill(signal);
  return { code: await exited, output };
}

async function companiesIn(dataDir: string): Promise<string[]> {
  const pg = await openPglite(dataDir);
  try {
    return (await pg.query<{ name: string }>("SELECT name FROM companies")).rows.map((r) => r.name);
  } finally {
    await pg.close();
  }
}

describe("the app's database on SIGTERM/SIGINT", { timeout: 120_000 }, () => {
  it("is closed after Next's own handler has finished, then the process exits with Next's code and frees the folder", async () => {
    const dataDir = path.join(root, "like-next", "pglite");
    const { code, output } = await signalled(dataDir, "SIGTERM", ["--like-next"]);
    expect(code).toBe(143);
    expect(output).toContain("STOPPING");
    expect(fs.existsSync(lockFileFor(dataDir))).toBe(false);
    expect(await companiesIn(dataDir)).toEqual(["Vor dem Signal"]);
  });

  it("is closed and the process exits by itself when nothing else handles the signal", async () => {
    const dataDir = path.join(root, "alone", "pglite");
    const { code, output } = await signalled(dataDir, "SIGINT", []);
    expect(code).toBe(130);
    expect(output).toContain("STOPPING");
    expect(fs.existsSync(lockFileFor(dataDir))).toBe(false);
    expect(await companiesIn(dataDir)).toEqual(["Vor dem Signal"]);
  });
});
