import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { acquireLock, currentOwner, DatabaseLockedError, lockFileFor, lockedMessage, tryAcquire, type LockInfo } from "./lock";
import { TSX_NODE_ARGS } from "@/server/testing/run-script";

const CONTENDER = path.join(process.cwd(), "server", "testing", "lock-contender.ts");
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "askpro-lock-"));
let n = 0;
const newDir = () => path.join(tmpRoot, `case-${++n}`, "pglite");

interface Contender {
  child: ChildProcess;
  lines: string[];
  next(): Promise<string>;
}
const children: ChildProcess[] = [];

function contender(dataDir: string): Contender {
  const child = spawn(process.execPath, [...TSX_NODE_ARGS, CONTENDER, dataDir], { stdio: ["pipe", "pipe", "inherit"] });
  children.push(child);
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else lines.push(line);
  });
  return {
    child,
    lines,
    next: () => (lines.length ? Promise.resolve(lines.shift()!) : new Promise((resolve) => waiting.push(resolve))),
  };
}

async function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await gone;
}

/** Starts `count` processes, lets them all get ready, then tells them to go at the same moment. */
async function race(dataDir: string, count: number): Promise<{ results: string[]; all: Contender[] }> {
  const all = Array.from({ length: count }, () => contender(dataDir));
  for (const c of all) expect(await c.next()).toBe("READY");
  for (const c of all) c.child.stdin!.write("go\n");
  return { results: await Promise.all(all.map((c) => c.next())), all };
}

afterEach(async () => {
  await Promise.all(children.splice(0).map(killed));
});
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

describe("data folder lock", () => {
  it("is a file next to the folder, readable by its owner only, naming PID, port, start time and a secret", async () => {
    const dir = newDir();
    const lock = await acquireLock(dir, { kind: "app", port: 3456 });
    try {
      const file = lockFileFor(dir);
      expect(file).toBe(`${path.resolve(dir)}.lock`);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const info = JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
      expect(info).toMatchObject({ pid: process.pid, port: 3456, kind: "app" });
      expect(Date.now() - Date.parse(info.startedAt)).toBeLessThan(10_000);
      expect(info.secret.length).toBeGreaterThanOrEqual(40);
    } finally {
      lock.release();
    }
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);
  });

  it("refuses a second process while the first lives, naming its PID and port", async () => {
    const dir = newDir();
    const first = contender(dir);
    expect(await first.next()).toBe("READY");
    first.child.stdin!.write("go\n");
    expect(await first.next()).toBe("WON");

    const err = await acquireLock(dir, { kind: "app" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseLockedError);
    const message = (err as DatabaseLockedError).message;
    expect(message).toContain(`PID ${first.child.pid}`);
    expect(message).toContain("Port 3000");
    expect(message).toContain("port 3000");
    expect(currentOwner(dir)?.pid).toBe(first.child.pid);
  });

  it("takes over the lock of a killed owner", async () => {
    const dir = newDir();
    const first = contender(dir);
    expect(await first.next()).toBe("READY");
    first.child.stdin!.write("go\n");
    expect(await first.next()).toBe("WON");
    await killed(first.child);
    expect(fs.existsSync(lockFileFor(dir))).toBe(true); // SIGKILL leaves it behind

    expect(currentOwner(dir)).toBeNull();
    const second = contender(dir);
    expect(await second.next()).toBe("READY");
    second.child.stdin!.write("go\n");
    expect(await second.next()).toBe("WON");
    expect(currentOwner(dir)?.pid).toBe(second.child.pid);
  });

  it("lets exactly one of several processes starting at the same moment win", async () => {
    const dir = newDir();
    const { results, all } = await race(dir, 5);
    expect(results.filter((r) => r === "WON")).toHaveLength(1);
    const winner = all[results.indexOf("WON")]!;
    expect(results.filter((r) => r === `LOST ${winner.child.pid}`)).toHaveLength(4);
  });

  it("lets exactly one of several processes take over the same stale lock", async () => {
    const dir = newDir();
    const first = contender(dir);
    expect(await first.next()).toBe("READY");
    first.child.stdin!.write("go\n");
    expect(await first.next()).toBe("WON");
    await killed(first.child);

    const { results, all } = await race(dir, 5);
    expect(results.filter((r) => r === "WON")).toHaveLength(1);
    const winner = all[results.indexOf("WON")]!;
    expect(currentOwner(dir)?.pid).toBe(winner.child.pid);
  });

  it("treats a lock whose PID now belongs to a younger process as stale (reboot, new container)", async () => {
    const dir = newDir();
    const young = contender(dir); // alive, but started long after the lock below was written
    expect(await young.next()).toBe("READY");
    const stale: LockInfo = { pid: young.child.pid!, kind: "app", port: 3000, controlPort: null, startedAt: new Date(Date.now() - 3_600_000).toISOString(), dataDir: dir, secret: "x".repeat(43) };
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(lockFileFor(dir), JSON.stringify(stale), { mode: 0o600 });
    if (!fs.existsSync(`/proc/${young.child.pid}/stat`)) {
      console.log("No /proc on this system: process start times cannot be read, skipping the PID-reuse check.");
      return;
    }
    expect(currentOwner(dir)).toBeNull();
    const lock = await acquireLock(dir, { kind: "tool" });
    expect(lock.info.pid).toBe(process.pid);
    lock.release();
  });

  it("waits for a short-lived owner when asked to, and refuses other kinds at once", async () => {
    const dir = newDir();
    const tool = await acquireLock(dir, { kind: "tool" });
    // The same process holds it already, so a second attempt returns that lock.
    expect(tryAcquire(dir, { kind: "app" })).toEqual({ lock: tool });
    tool.release();

    const c = contender(dir);
    expect(await c.next()).toBe("READY");
    c.child.stdin!.write("go\n");
    expect(await c.next()).toBe("WON");
    const started = Date.now();
    const err = await acquireLock(dir, { kind: "app", waitFor: ["tool"] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseLockedError); // the contender holds an "app" lock: no waiting
    expect(Date.now() - started).toBeLessThan(1_000);

    setTimeout(() => void killed(c.child), 500);
    const waited = await acquireLock(dir, { kind: "tool", waitFor: ["app"], waitMs: 20_000 });
    expect(waited.info.pid).toBe(process.pid);
    waited.release();
  });

  it("says in German and English who holds the folder and what to do", () => {
    const owner: LockInfo = { pid: 4242, kind: "app", port: 3000, controlPort: 40000, startedAt: "2026-11-28T10:00:00.000Z", dataDir: "/srv/app/.data/pglite", secret: "s" };
    const text = lockedMessage(owner);
    expect(text).toContain("Die eingebettete Datenbank /srv/app/.data/pglite wird von der laufenden App (PID 4242, Port 3000");
    expect(text).toContain("is in use by the running app (PID 4242, port 3000");
    expect(text).toContain("kill 4242");
    expect(text).not.toContain(owner.secret + '"');
  });
});
