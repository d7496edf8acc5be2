/**
 * POST /api/stripe/webhook/<company slug>: Stripe's events about deposit links, refunds and
 * saved cards. The raw body is read once, with a limit, exactly as Stripe signed it; the
 * signature, de-duplication and the effect live in services/stripe/webhook.ts.
 */
import "@/server/composition";
import { withOutageAnswer } from "@/server/doors/retell/responses";
import { jsonResponse, readBodyWithin } from "@/server/doors/request-kit";
import { STRIPE_SIGNATURE_HEADER } from "@/server/integrations/stripe/client";
import { getDb } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { handleStripeWebhook, type StripeWebhookDeps } from "@/server/services/stripe/webhook";

/** Stripe's events are small (a Checkout Session, a charge); 256 KB leaves ample room. */
const STRIPE_WEBHOOK_LIMIT_BYTES = 256 * 1024;

export function stripeWebhookDoor(request: Request, companySlug: string, deps?: StripeWebhookDeps): Promise<Response> {
  return withOutageAnswer("stripe-webhook", async () => {
    const body = await readBodyWithin(request, STRIPE_WEBHOOK_LIMIT_BYTES);
    if (!body.ok) return jsonResponse({ received: false, error: "Anfrage zu groß." }, 413);
    const answer = await handleStripeWebhook(
      { companySlug, rawBody: body.text, signature: request.headers.get(STRIPE_SIGNATURE_HEADER) },
      deps ?? { db: await getDb(), now: () => new Date(), log: logger.child({ door: "stripe-webhook" }) },
    );
    return jsonResponse(answer.body, answer.status);
  });
}
