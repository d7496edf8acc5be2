/**
 * `npm run fake:retell`: the in-process fake Retell API on its own port, for local work
 * without a Retell account and for the e2e run. Point the app at it with
 * RETELL_API_BASE_URL=http://127.0.0.1:<port>; it accepts the demo company's Retell key.
 *
 *   FAKE_RETELL_PORT=3101 npm run fake:retell
 *
 * FAKE_RETELL_EXTRA_NUMBERS (comma-separated E.164 numbers) adds numbers to the workspace that
 * no agent answers yet, e.g. for a company that sets up its agent from scratch.
 */
import { startFakeRetell } from "@/server/integrations/fakes/retell-server";

async function main() {
  const port = Number(process.env.FAKE_RETELL_PORT ?? 3101);
  const apiKey = process.env.DEMO_RETELL_API_KEY ?? "demo-retell-key";
  const extraNumbers = (process.env.FAKE_RETELL_EXTRA_NUMBERS ?? "")
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);
  const invalid = extraNumbers.filter((n) => !/^\+[1-9]\d{6,14}$/.test(n));
  if (invalid.length > 0) throw new Error(`FAKE_RETELL_EXTRA_NUMBERS: not E.164: ${invalid.join(", ")}`);
  const retell = await startFakeRetell({ apiKey, port });
  for (const number of extraNumbers) retell.state.addPhoneNumber(number, `Rufnummer ${number}`);
  console.log(`Fake Retell API on ${retell.url} (key: ${apiKey})${extraNumbers.length ? `, extra numbers: ${extraNumbers.join(", ")}` : ""}`);
  const stop = () => void retell.close().finally(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
