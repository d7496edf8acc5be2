import fs from "node:fs";
import path from "node:path";

/**
 * The empty cluster a new embedded database starts from, kept per PGlite version in the
 * project's `node_modules/.cache` (where build tools keep theirs; it goes with a reinstall).
 * Copies share PostgreSQL's system identifier, which only replication looks at. Without a
 * `node_modules` folder in the project folder (the working directory) nothing is kept and every new database runs initdb.
 */
function templateFile(projectDir: string): string | null {
  const modules = path.join(projectDir, "node_modules");
  try {
    const { version } = JSON.parse(fs.readFileSync(path.join(modules, "@electric-sql", "pglite", "package.json"), "utf8")) as { version: string };
    return path.join(modules, ".cache", "askproai", `pglite-${version}-empty-cluster.tar`);
  } catch {
    return null;
  }
}

export function readClusterTemplate(projectDir: string): Blob | undefined {
  const file = templateFile(projectDir);
  if (!file || !fs.existsSync(file)) return undefined;
  return new Blob([fs.readFileSync(file)]);
}

/** Keeps the cluster `dump` gives, unless one is kept already; a failure only costs the next database its speed. */
export async function keepClusterTemplate(projectDir: string, dump: () => Promise<Blob | File>): Promise<void> {
  const file = templateFile(projectDir);
  if (!file || fs.existsSync(file)) return;
  try {
    const tar = Buffer.from(await (await dump()).arrayBuffer());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, tar);
    fs.renameSync(tmp, file); // atomic: a process starting meanwhile never reads half a file
  } catch {
    // Read-only install or full disk: the database itself is fine.
  }
}

export function dropClusterTemplate(projectDir: string): void {
  const file = templateFile(projectDir);
  if (file) fs.rmSync(file, { force: true });
}
