/**
 * `npm run fake:stripe`: the fake Stripe API (checkout sessions, payment intents, refunds) for
 * local work without a Stripe account and for e2e runs, on stripe-mock's port by default. Point
 * the app at it with STRIPE_API_BASE_URL=http://127.0.0.1:12111 and store any test key that
 * looks like Stripe's (sk_test_ + 8 or more letters or digits) under Einstellungen → Zahlungen.
 *
 *   FAKE_STRIPE_PORT=12111 npm run fake:stripe
 *
 * Webhooks are not sent on their own: tests sign and post them with `sendWebhook`.
 */
import { startFakeStripe } from "@/server/integrations/fakes/stripe-server";

async function main() {
  const stripe = await startFakeStripe({ port: Number(process.env.FAKE_STRIPE_PORT ?? 12111) });
  console.log(`Fake Stripe API on ${stripe.url} (any sk_test_… key of 8+ characters)`);
  const stop = () => void stripe.close().finally(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
