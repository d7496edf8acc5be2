import "@/server/composition";
import { getDb } from "@/server/platform/db";
import { CALCOM_SIGNATURE_HEADER } from "@/server/integrations/calcom/webhook-signature";
import { logger } from "@/server/platform/logger";
import { withOutageAnswer } from "@/server/doors/retell/responses";
import { jsonResponse, readBodyWithin, WEBHOOK_BODY_LIMIT_BYTES } from "@/server/doors/request-kit";
import { handleCalcomWebhook, type WebhookDeps } from "@/server/services/calcom/webhook";

/** POST /api/mcp/calcom/webhook?company=<slug>: the raw body is read once, as signed. */
export function calcomWebhookDoor(request: Request, deps?: WebhookDeps): Promise<Response> {
  return withOutageAnswer("calcom-webhook", () => answerCalcomWebhook(request, deps));
}

async function answerCalcomWebhook(request: Request, deps?: WebhookDeps): Promise<Response> {
  const body = await readBodyWithin(request, WEBHOOK_BODY_LIMIT_BYTES);
  if (!body.ok) return jsonResponse({ received: false, error: "Anfrage zu groß." }, 413);
  const answer = await handleCalcomWebhook(
    {
      companySlug: new URL(request.url).searchParams.get("company"),
      rawBody: body.text,
      signature: request.headers.get(CALCOM_SIGNATURE_HEADER),
    },
    deps ?? { db: await getDb(), now: () => new Date(), log: logger.child({ door: "calcom-webhook" }) },
  );
  return jsonResponse(answer.body, answer.status);
}
