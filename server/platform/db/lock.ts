/**
 * One owner for an embedded PGlite data folder. PGlite is a single-process database: a second
 * process opening the same folder corrupts it. The owner writes `<folder>.lock` next to the
 * folder (e.g. `.data/pglite.lock`, mode 0600) holding its PID, port, start time, the port of
 * its local control channel and a random secret that authenticates command-line tools there.
 *
 * The file is created atomically (written to a private temporary file, then hard-linked to its
 * name, which fails when it exists), so two processes starting together get exactly one owner.
 * A lock whose process is gone is taken over; of several processes taking over the same stale
 * lock, one removes it (guarded by a per-lock claim file) and the usual exclusive create decides.
 *
 * Imported by prisma.config.ts too, so it uses relative imports and Node built-ins only.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type LockKind = "app" | "prepare" | "tool";

export interface LockInfo {
  pid: number;
  kind: LockKind;
  /** HTTP port of the app, when it serves one. */
  port: number | null;
  /** Port on 127.0.0.1 where the owner runs command-line operations; null while it cannot. */
  controlPort: number | null;
  startedAt: string;
  dataDir: string;
  secret: string;
}

export interface HeldLock {
  readonly file: string;
  readonly info: LockInfo;
  /** Removes the lock file if it is still this process's. */
  release(): void;
}

export class DatabaseLockedError extends Error {
  constructor(
    readonly owner: LockInfo,
    /** What the refused process was about to do, in its own words. */
    message: string,
  ) {
    super(message);
    this.name = "DatabaseLockedError";
  }
}

export function lockFileFor(dataDir: string): string {
  const abs = path.resolve(dataDir);
  return path.join(path.dirname(abs), `${path.basename(abs)}.lock`);
}

/** True for data folders that live on disk (not `memory://`, not a PostgreSQL server). */
export function isFolder(dataDir: string): boolean {
  return !dataDir.includes("://");
}

function parse(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid !== "number" || typeof v.secret !== "string" || typeof v.startedAt !== "string") return null;
    return { port: null, controlPort: null, kind: "tool", dataDir: "", ...v } as LockInfo;
  } catch {
    return null;
  }
}

function readFile(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/** Linux: when the process started (ms since the epoch), to tell a reused PID from the owner. */
function processStartMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[19]); // field 22 of stat: start time in clock ticks after boot
    const btime = Number(/^btime (\d+)$/m.exec(fs.readFileSync("/proc/stat", "utf8"))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(btime)) return null;
    return btime * 1000 + ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** Whether the process that wrote the lock still runs. */
export function isAlive(info: LockInfo): boolean {
  if (info.pid === process.pid) return heldHere().some((h) => h.info.secret === info.secret);
  try {
    process.kill(info.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // A process younger than the lock only has the owner's old PID (after a reboot or in a new container).
  const started = processStartMs(info.pid);
  return started === null || started <= Date.parse(info.startedAt) + 2_000;
}

/** The live owner of the folder, or null when it is free (no lock, or the owner is gone). */
export function currentOwner(dataDir: string): LockInfo | null {
  const text = readFile(lockFileFor(dataDir));
  if (text === null) return null;
  const info = parse(text);
  return info && isAlive(info) ? info : null;
}

const g = globalThis as unknown as { __askproLocks?: Map<string, HeldLock> };
const held = (g.__askproLocks ??= new Map());
let exitHooked = false;

function heldHere(): HeldLock[] {
  return [...held.values()];
}

/** The lock this process holds on the folder, if any. */
export function heldLock(dataDir: string): HeldLock | undefined {
  return held.get(lockFileFor(dataDir));
}

export interface AcquireOptions {
  kind: LockKind;
  port?: number | null;
  controlPort?: number | null;
  /** While the current owner is one of these kinds, wait for it to finish instead of refusing. */
  waitFor?: LockKind[];
  waitMs?: number;
  /** The refusal's text for the given owner; defaults to lockedMessage(owner). */
  message?: (owner: LockInfo) => string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Takes the folder's lock or throws DatabaseLockedError naming the owner. */
export async function acquireLock(dataDir: string, opts: AcquireOptions): Promise<HeldLock> {
  const deadline = Date.now() + (opts.waitMs ?? 60_000);
  for (;;) {
    const result = tryAcquire(dataDir, opts);
    if ("lock" in result) return result.lock;
    const owner = result.owner;
    if (owner && !(opts.waitFor ?? []).includes(owner.kind)) throw new DatabaseLockedError(owner, (opts.message ?? lockedMessage)(owner));
    if (owner && Date.now() > deadline) throw new DatabaseLockedError(owner, (opts.message ?? lockedMessage)(owner));
    await sleep(owner ? 200 : 20);
  }
}

/** One attempt: the lock, or the live owner (null owner: a takeover is under way, try again). */
export function tryAcquire(dataDir: string, opts: AcquireOptions): { lock: HeldLock } | { owner: LockInfo | null } {
  const file = lockFileFor(dataDir);
  const existing = held.get(file);
  if (existing) return { lock: existing };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const info: LockInfo = {
    pid: process.pid,
    kind: opts.kind,
    port: opts.port ?? null,
    controlPort: opts.controlPort ?? null,
    startedAt: new Date().toISOString(),
    dataDir: path.resolve(dataDir),
    secret: randomBytes(32).toString("base64url"),
  };
  if (linkNew(file, JSON.stringify(info, null, 2))) return { lock: remember(file, info) };

  const text = readFile(file);
  if (text === null) return { owner: null }; // released meanwhile
  const current = parse(text);
  if (current && isAlive(current)) return { owner: current };
  removeStale(file, text);
  return { owner: null };
}

/** Creates `file` with `content` only if it does not exist; the content is complete when the name appears. */
function linkNew(file: string, content: string): boolean {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Removes a lock whose owner is gone. Only the process that creates the claim file named after
 * this very lock's content may remove it, and it checks again that the lock still is that one.
 */
function removeStale(file: string, staleText: string): void {
  const claim = `${file}.takeover-${createHash("sha256").update(staleText).digest("hex").slice(0, 16)}`;
  try {
    const age = Date.now() - fs.statSync(claim).mtimeMs;
    if (age > 10_000) fs.rmSync(claim, { force: true }); // a takeover interrupted by a crash
  } catch {
    // no claim yet
  }
  if (!linkNew(claim, String(process.pid))) return;
  try {
    if (readFile(file) === staleText) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(claim, { force: true });
  }
}

function remember(file: string, info: LockInfo): HeldLock {
  const lock: HeldLock = {
    file,
    info,
    release() {
      held.delete(file);
      const text = readFile(file);
      if (text !== null && parse(text)?.secret === info.secret) fs.rmSync(file, { force: true });
    },
  };
  held.set(file, lock);
  if (!exitHooked) process.once("exit", releaseAll);
  exitHooked = true;
  return lock;
}

function releaseAll(): void {
  for (const lock of heldHere()) lock.release();
}

/** Rewrites this process's lock with new details (port, control port), atomically. */
export function updateLock(lock: HeldLock, patch: Partial<Pick<LockInfo, "port" | "controlPort" | "kind">>): HeldLock {
  const info = { ...lock.info, ...patch };
  const tmp = `${lock.file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(info, null, 2), { mode: 0o600, flag: "wx" });
  fs.renameSync(tmp, lock.file);
  held.delete(lock.file);
  return remember(lock.file, info);
}

const kindNames: Record<LockKind, [string, string]> = {
  app: ["der laufenden App", "the running app"],
  prepare: ["der startenden App (Migrationen)", "the app starting up (migrations)"],
  tool: ["einem Kommandozeilen-Werkzeug", "a command-line tool"],
};

/** The owner in a few words, German and English. */
export function describeOwner(owner: LockInfo): { de: string; en: string } {
  const since = owner.startedAt.replace("T", " ").slice(0, 19);
  const port = owner.port ? `, Port ${owner.port}` : "";
  const [de, en] = kindNames[owner.kind] ?? kindNames.tool;
  return {
    de: `${de} (PID ${owner.pid}${port}, seit ${since} UTC)`,
    en: `${en} (PID ${owner.pid}${port.replace("Port", "port")}, since ${since} UTC)`,
  };
}

/** The refusal for a second start or any other process that wanted to open the folder. */
export function lockedMessage(owner: LockInfo, todo?: { de: string; en: string }): string {
  const who = describeOwner(owner);
  const folder = owner.dataDir || "the embedded database";
  const doDe = todo?.de ?? "Die App läuft schon – nutzen Sie sie, oder beenden Sie sie erst (Strg-C bzw. kill " + owner.pid + ").";
  const doEn = todo?.en ?? "The app is already running: use it, or stop it first (Ctrl-C or kill " + owner.pid + ").";
  return [
    `Die eingebettete Datenbank ${folder} wird von ${who.de} benutzt. ${doDe}`,
    `The embedded database ${folder} is in use by ${who.en}. ${doEn}`,
  ].join("\n");
}

/** What to do instead of starting the app a second time on the same folder. */
export function secondStartTodo(owner: LockInfo): { de: string; en: string } {
  const url = owner.port ? ` (http://localhost:${owner.port})` : "";
  return {
    de: `Die App läuft schon${url}: nutzen Sie diese oder beenden Sie sie zuerst (Strg-C bzw. kill ${owner.pid}). Kommandozeilen-Werkzeuge (npm run mcp:token, user:create, db:seed, db:backup) arbeiten über die laufende App.`,
    en: `The app is already running${url}: use it, or stop it first (Ctrl-C or kill ${owner.pid}). Command-line tools (npm run mcp:token, user:create, db:seed, db:backup) work through the running app.`,
  };
}
