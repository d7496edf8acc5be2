/**
 * POST /api/mcp/retell/webhook: Retell's call events. Verified like the function door (owner
 * from our number, signature over the raw body), stored once per (call_id, event) and
 * acknowledged at once; the work runs in the outbox job (server/services/webhook). A duplicate
 * delivery is acknowledged with 200 and changes nothing.
 */
import "@/server/composition";
import { getDb } from "@/server/platform/db";
import { recordRetellEvent } from "@/server/services/webhook/record-event";
import type { DoorDeps } from "./custom-function-door";
import { callNumbers, retellWebhookSchema } from "@/server/services/retell-function/request-shapes";
import { cachedCompanyFromNumber } from "@/server/services/retell-function/resolve-owner";
import { json, refuse, withOutageAnswer } from "./responses";
import { parseJson, readRawBody, verifiedOwner } from "./verify-signature";

export function handleRetellWebhook(request: Request, deps: DoorDeps = {}): Promise<Response> {
  return withOutageAnswer("retell-webhook", () => answerRetellWebhook(request, deps));
}

async function answerRetellWebhook(request: Request, deps: DoorDeps): Promise<Response> {
  const now = deps.now ?? (() => new Date());
  const raw = await readRawBody(request);
  if (raw === null) return refuse(413, "Anfrage zu groß.");
  const body = parseJson(raw);
  if (!body.ok) return refuse(400, "Ungültiges JSON.");
  const webhook = retellWebhookSchema.safeParse(body.value);
  if (!webhook.success) return refuse(400, "Unbekanntes Ereignisformat: erwartet { event, call }.");

  const db = deps.db ?? (await getDb());
  const owner = await cachedCompanyFromNumber(db, callNumbers(webhook.data.call).ours);
  // An unknown number gets the same answer as a bad signature: outsiders learn nothing about our numbers.
  if (!verifiedOwner(owner, raw, request.headers, now().getTime())) return refuse(401, "Ungültige Signatur.");

  const outcome = await recordRetellEvent(db, owner.companyId, webhook.data, body.value, now());
  return json(200, { status: outcome.status });
}
