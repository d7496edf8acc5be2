/**
 * Command-line tools while the app runs: this test process plays the running app (it owns a
 * temporary data folder and serves the local channel, as instrumentation.ts does in Next), and
 * the real scripts run as separate processes against the same folder.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoginThrottle } from "@/server/auth/login-throttle";
import { verifyCredentials } from "@/server/auth/credentials";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { runProcess, runScript } from "@/server/testing/run-script";
import { authenticateToken } from "@/server/services/tokens";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "askpro-channel-"));
const dataDir = path.join(root, "pglite");
process.env.PGLITE_DATA_DIR = dataDir;
delete process.env.DATABASE_URL;
const backupFile = path.join(root, "sicherung.tar.gz");
const childEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn", NODE_ENV: "development" };

let db: PrismaClient;

beforeAll(async () => {
  // What `npm run dev` does before Next starts: migrate and seed the new folder.
  const prepared = await runScript("scripts/prepare-db.ts", [], childEnv);
  expect(prepared.code, prepared.stderr).toBe(0);
  const { becomeDatabaseOwner } = await import("@/server/doors/cli/app-owner");
  const { getDb } = await import("@/server/platform/db");
  expect(await becomeDatabaseOwner()).not.toBeNull();
  db = await getDb();
}, 180_000);

afterAll(async () => {
  const { closeDb } = await import("@/server/platform/db");
  await closeDb();
  fs.rmSync(root, { recursive: true, force: true });
});

const lastLine = (text: string) => text.trim().split("\n").at(-1)!;

// Every test starts real tool processes; on a busy machine each takes seconds.
describe("command-line tools while the app runs", { timeout: 120_000 }, () => {
  let token = "";
  let tokenId = "";

  it("creates a token through the app, which the app accepts at once", async () => {
    const r = await runScript("scripts/mcp-token.ts", ["--company", "demo", "--name", "Mein CRM", "--servers", "appointments"], childEnv);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    token = lastLine(r.stdout);
    expect(token).toMatch(/^apk_/);
    tokenId = /id (\S+)\./.exec(r.stdout)![1]!;
    const auth = await authenticateToken(db, token);
    expect(auth?.id).toBe(tokenId);
  });

  it("lists and revokes through the app; the revoked token is refused at once despite the app's cache", async () => {
    expect(await authenticateToken(db, token)).not.toBeNull(); // now cached in this process
    const list = await runScript("scripts/mcp-token.ts", ["--company", "demo", "--list"], childEnv);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(tokenId);
    expect(list.stdout).toContain("active");

    const revoked = await runScript("scripts/mcp-token.ts", ["--company", "demo", "--revoke", tokenId], childEnv);
    expect(revoked.code, revoked.stdout + revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain("Revoked");
    expect(await authenticateToken(db, token)).toBeNull();
  });

  it("creates a user through the app who can log in at once", async () => {
    const r = await runScript(
      "scripts/user-create.ts",
      ["--company", "demo", "--email", "Neu@Salon-Demo.de", "--name", "Nina Neu", "--role", "admin", "--password", "Sicher-Passwort-1"],
      childEnv,
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const user = await verifyCredentials(
      { db, throttle: new LoginThrottle(), now: () => new Date() },
      { email: "neu@salon-demo.de", password: "Sicher-Passwort-1" },
    );
    expect(user).toMatchObject({ role: "admin", companySlug: "demo", name: "Nina Neu" });

    const again = await runScript("scripts/user-create.ts", ["--company", "demo", "--email", "neu@salon-demo.de", "--name", "X", "--password", "Sicher-Passwort-1"], childEnv);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain("Es gibt schon einen Benutzer");
  });

  it("answers a tool's mistakes with the usage, not a stack trace", async () => {
    const r = await runScript("scripts/user-create.ts", ["--company", "demo", "--email", "kein-mail"], childEnv);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("--email must be an e-mail address");
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses the demo seed for a production caller unless SEED_DEMO=true, and seeds nothing twice", async () => {
    const refused = await runScript("prisma/seed.ts", [], { ...childEnv, NODE_ENV: "production" });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("SEED_DEMO=true npm run db:seed");
    const once = await runScript("prisma/seed.ts", [], { ...childEnv, NODE_ENV: "production", SEED_DEMO: "true" });
    expect(once.code, once.stdout + once.stderr).toBe(0);
    expect(once.stdout).toContain("exists already");
  });

  it("makes a backup while the app runs, and refuses to restore over the running app's database", async () => {
    const r = await runScript("scripts/db-backup.ts", ["--out", backupFile], childEnv);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`Backup written: ${backupFile}`);
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
    // A change after the backup, which a restore takes back.
    const { createApiToken } = await import("@/server/services/tokens");
    const company = await db.company.findUniqueOrThrow({ where: { slug: "demo" } });
    await createApiToken(db, { companyId: company.id, name: "Nach der Sicherung", allowedServers: ["appointments"] });

    const restore = await runScript("scripts/db-restore.ts", [backupFile], childEnv);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain(`PID ${process.pid}`);
    expect(restore.stderr).toContain("stop the app");
    expect(await db.apiToken.count({ where: { name: "Nach der Sicherung" } })).toBe(1);
  });

  it("refuses requests without the lock's secret", async () => {
    const { currentOwner } = await import("@/server/platform/db/lock");
    const owner = currentOwner(dataDir)!;
    expect(owner.pid).toBe(process.pid);
    const url = `http://127.0.0.1:${owner.controlPort}/run`;
    const body = JSON.stringify({ op: "mcp:token", argv: ["--company", "demo", "--list"], cwd: root });
    expect((await fetch(url, { method: "POST", body })).status).toBe(401);
    expect((await fetch(url, { method: "POST", body, headers: { authorization: `Bearer ${owner.secret.slice(0, -1)}x` } })).status).toBe(401);
    const ok = await fetch(url, { method: "POST", body, headers: { authorization: `Bearer ${owner.secret}` } });
    expect(ok.status).toBe(200);
  });

  it("refuses Prisma commands and a second start on the folder, naming this process", async () => {
    const start = await runScript("scripts/prepare-db.ts", [], { ...childEnv, PORT: "3999" });
    expect(start.code).toBe(1);
    expect(start.stderr).toContain(`PID ${process.pid}`);
    expect(start.stderr).toContain("Die App läuft schon");
    expect(start.stderr).toContain("The app is already running");

    const prisma = await runProcess(process.execPath, [path.join("node_modules", "prisma", "build", "index.js"), "migrate", "status"], childEnv);
    expect(prisma.code).not.toBe(0);
    expect(prisma.stdout + prisma.stderr).toContain(`PID ${process.pid}`);
  });
});

describe("command-line tools with no app running", { timeout: 120_000 }, () => {
  it("open the folder themselves under the lock and leave it free again", async () => {
    const { closeDb } = await import("@/server/platform/db");
    const { currentOwner, lockFileFor } = await import("@/server/platform/db/lock");
    await closeDb(); // the app stops: database closed, lock released
    expect(currentOwner(dataDir)).toBeNull();

    const list = await runScript("scripts/mcp-token.ts", ["--company", "demo", "--list"], childEnv);
    expect(list.code, list.stdout + list.stderr).toBe(0);
    expect(list.stdout).toContain("Mein CRM");
    expect(list.stdout).toContain("revoked");
    expect(list.stdout).toContain("Nach der Sicherung");
    expect(fs.existsSync(lockFileFor(dataDir))).toBe(false);
  });

  it("restore a backup into the stopped folder, keeping the old one aside", async () => {
    const junk = path.join(root, "junk.tar.gz");
    fs.writeFileSync(junk, "kein Backup");
    const refused = await runScript("scripts/db-restore.ts", [junk], childEnv);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is not a backup of this app's embedded database");

    const r = await runScript("scripts/db-restore.ts", [backupFile], childEnv);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const aside = /kept in (\S+) /.exec(r.stdout)?.[1];
    expect(aside && fs.existsSync(aside)).toBeTruthy();

    const list = await runScript("scripts/mcp-token.ts", ["--company", "demo", "--list"], childEnv);
    expect(list.code, list.stdout + list.stderr).toBe(0);
    expect(list.stdout).toContain("Mein CRM");
    expect(list.stdout).not.toContain("Nach der Sicherung");
  });
});
