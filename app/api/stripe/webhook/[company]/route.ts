import { stripeWebhookDoor } from "@/server/doors/stripe/webhook-door";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Stripe's webhook endpoint of one company (the URL shown under Einstellungen → Zahlungen). */
export async function POST(request: Request, { params }: { params: Promise<{ company: string }> }): Promise<Response> {
  return stripeWebhookDoor(request, (await params).company);
}
