/**
 * `npm run fake:sms`: fake Twilio and seven.io SMS APIs on their own ports, for local work
 * without provider accounts and for e2e runs. Point the app at them with
 * SMS_TWILIO_BASE_URL=http://127.0.0.1:3104 and SMS_SEVEN_BASE_URL=http://127.0.0.1:3105.
 *
 *   FAKE_TWILIO_PORT=3104 FAKE_SEVEN_PORT=3105 npm run fake:sms
 *
 * Credentials: any that look right. Twilio: Account SID "AC" + 32 hex characters, auth token of
 * 16+ letters, digits, "_" or "-" (e.g. AC00000000000000000000000000000001 / 0123456789abcdef0123456789abcdef).
 * seven.io: any API key of 16+ letters, digits, "_" or "-".
 * Numbers ending in 0000 are refused as invalid; numbers ending in 9999 end "not delivered".
 *
 * Delivery reports follow a moment later (FAKE_SMS_CALLBACK_MS, default 1500 ms): Twilio's to
 * each message's StatusCallback, signed with the account's auth token; seven.io's to
 * FAKE_SEVEN_DLR_URL when set (e.g. http://localhost:3000/api/sms/seven/status, exactly as
 * APP_URL spells it), signed when FAKE_SEVEN_SIGNING_SECRET is set.
 */
import { startFakeSeven } from "@/server/integrations/fakes/seven-server";
import { startFakeTwilio } from "@/server/integrations/fakes/twilio-server";

async function main() {
  const twilioPort = Number(process.env.FAKE_TWILIO_PORT ?? 3104);
  const sevenPort = Number(process.env.FAKE_SEVEN_PORT ?? 3105);
  const delay = Number(process.env.FAKE_SMS_CALLBACK_MS ?? 1500);
  const dlrUrl = process.env.FAKE_SEVEN_DLR_URL || undefined;
  const signingSecret = process.env.FAKE_SEVEN_SIGNING_SECRET || undefined;
  const twilio = await startFakeTwilio({ port: twilioPort, autoCallbackMs: delay });
  const seven = await startFakeSeven({ port: sevenPort, autoDlrMs: delay, dlrUrl, signingSecret });
  console.log(`Fake Twilio API on ${twilio.url} (any AC… SID with an auth token of 16+ characters)`);
  console.log(`Fake seven.io API on ${seven.url} (any key of 16+ characters)${dlrUrl ? `, delivery reports to ${dlrUrl}${signingSecret ? " (signed)" : ""}` : ""}`);
  const stop = () => void Promise.all([twilio.close(), seven.close()]).finally(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
