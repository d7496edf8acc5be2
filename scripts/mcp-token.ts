/**
 * API tokens for the JSON-RPC gateway and /mcp:
 *   npm run mcp:token -- --company demo --name "Zapier" [--servers appointments,customer]
 *   npm run mcp:token -- --company demo --list
 *   npm run mcp:token -- --company demo --revoke apk_abcd1234
 */
import { closeDb, getDb } from "@/server/db";
import { runTokenCli } from "@/server/tokens/cli";

async function main() {
  process.exitCode = await runTokenCli(await getDb(), process.argv.slice(2), (line) => console.log(line));
}

main()
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  })
  .finally(closeDb);
