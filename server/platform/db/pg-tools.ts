import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * Runs pg_dump / pg_restore for the PostgreSQL setup, or prints the command when the tool is
 * not installed here (e.g. the database runs on another machine). Returns the exit code.
 */
export function runPgTool(tool: "pg_dump" | "pg_restore", args: string[], file: string): number {
  const shown = [tool, ...args.map((a) => a.replace(/\/\/[^@/]*@/, "//…@"))].join(" ");
  if (tool === "pg_dump") fs.mkdirSync(path.dirname(file), { recursive: true });
  const r = spawnSync(tool, args, { stdio: "inherit" });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    console.log(`${tool} is not installed here. Run it where it is (PostgreSQL client tools):\n  ${shown}`);
    return 1;
  }
  if (r.status !== 0) {
    console.error(`${tool} failed (exit ${r.status}).`);
    return r.status ?? 1;
  }
  console.log(tool === "pg_dump" ? `Backup written: ${file}` : `Restored from ${file}.`);
  return 0;
}
