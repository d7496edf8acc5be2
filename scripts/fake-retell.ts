/**
 * `npm run fake:retell`: the in-process fake Retell API on its own port, for local work
 * without a Retell account and for the e2e run. Point the app at it with
 * RETELL_API_BASE_URL=http://127.0.0.1:<port>; it accepts the demo company's Retell key.
 *
 *   FAKE_RETELL_PORT=3101 npm run fake:retell
 */
import { startFakeRetell } from "@/server/integrations/fakes/retell-server";

async function main() {
  const port = Number(process.env.FAKE_RETELL_PORT ?? 3101);
  const apiKey = process.env.DEMO_RETELL_API_KEY ?? "demo-retell-key";
  const retell = await startFakeRetell({ apiKey, port });
  console.log(`Fake Retell API on ${retell.url} (key: ${apiKey})`);
  const stop = () => void retell.close().finally(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
