/**
 * A separate process contending for a data folder's lock (lock tests):
 *   node --import tsx server/testing/lock-contender.ts <dataDir>
 * Prints READY, waits for a line on stdin, tries once, prints WON or LOST <owner pid>, and keeps
 * whatever it got until it is killed.
 */
import { acquireLock, DatabaseLockedError } from "@/server/platform/db/lock";

const dataDir = process.argv[2]!;
process.stdout.write("READY\n");
process.stdin.once("data", () => {
  acquireLock(dataDir, { kind: "app", port: 3000 }).then(
    () => process.stdout.write("WON\n"),
    (err: unknown) => process.stdout.write(err instanceof DatabaseLockedError ? `LOST ${err.owner.pid}\n` : `ERROR ${String(err)}\n`),
  );
  setInterval(() => {}, 60_000);
});
