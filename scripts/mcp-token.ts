/**
 * API tokens for the JSON-RPC gateway and /mcp (works while the app runs, through the app):
 *   npm run mcp:token -- --company demo --name "Zapier" [--servers appointments,customer]
 *   npm run mcp:token -- --company demo --list
 *   npm run mcp:token -- --company demo --revoke apk_abcd1234
 */
import { cliMain } from "@/server/doors/cli/run";

void cliMain("mcp:token");
