/**
 * The company's Stripe connection: the secret key and the webhook signing secret, each sealed
 * for its column (write-only: only "hinterlegt" and the key's last 4 characters leave this
 * module), the no-show fee and how long a deposit link stays valid.
 */
import type { z } from "zod";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/core/types";
import { createStripeClient, type Stripe } from "@/server/integrations/stripe/client";
import { getCache } from "@/server/platform/cache";
import { decryptSecret, encryptSecret, type SecretColumn } from "@/server/platform/crypto";
import { env } from "@/server/platform/env";
import type * as s from "./schemas";
import { WEBHOOK_EVENTS } from "./schemas";

type Db = PrismaClient | Prisma.TransactionClient;

const KEY_COLUMN: SecretColumn = "payment_settings.stripeSecretKeyEnc";
const WEBHOOK_COLUMN: SecretColumn = "payment_settings.stripeWebhookSecretEnc";

/** Drops the cached health answer when the key changes. */
export const stripeCacheTag = (companyId: string) => `stripe:${companyId}`;

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string | null;
  noShowFeeCents: number | null;
  depositLinkMinutes: number;
}

/** The company's opened settings; null without a stored key (or one that no longer opens). */
export async function stripeConfigOf(db: Db, companyId: string): Promise<StripeConfig | null> {
  const row = await db.paymentSettings.findUnique({ where: { companyId } });
  const secretKey = open(companyId, row?.stripeSecretKeyEnc, KEY_COLUMN);
  if (!row || !secretKey) return null;
  return {
    secretKey,
    webhookSecret: open(companyId, row.stripeWebhookSecretEnc, WEBHOOK_COLUMN),
    noShowFeeCents: row.noShowFeeCents,
    depositLinkMinutes: row.depositLinkMinutes,
  };
}

/** The webhook signing secret alone (the webhook door needs nothing else). */
export async function webhookSecretOf(db: Db, companyId: string): Promise<string | null> {
  const row = await db.paymentSettings.findUnique({ where: { companyId }, select: { stripeWebhookSecretEnc: true } });
  return open(companyId, row?.stripeWebhookSecretEnc, WEBHOOK_COLUMN);
}

export function stripeClientFor(config: Pick<StripeConfig, "secretKey">, opts: { timeoutMs?: number } = {}): Stripe {
  return createStripeClient(config.secretKey, { baseUrl: env().STRIPE_API_BASE_URL, ...opts });
}

export async function getStripeSettings(ctx: ServiceContext, _params: z.output<typeof s.getSettingsParams>): Promise<s.StripeSettingsDto> {
  return describe(ctx);
}

export async function updateStripeSettings(ctx: ServiceContext, params: z.output<typeof s.updateSettingsParams>): Promise<s.StripeSettingsDto> {
  const data: Prisma.PaymentSettingsUncheckedUpdateInput = {};
  if (params.remove_credentials) {
    data.stripeSecretKeyEnc = null;
    data.stripeWebhookSecretEnc = null;
  }
  if (params.secret_key) data.stripeSecretKeyEnc = encryptSecret(params.secret_key, { companyId: ctx.companyId, column: KEY_COLUMN });
  if (params.webhook_secret) data.stripeWebhookSecretEnc = encryptSecret(params.webhook_secret, { companyId: ctx.companyId, column: WEBHOOK_COLUMN });
  if (params.no_show_fee_cents !== undefined) data.noShowFeeCents = params.no_show_fee_cents;
  if (params.deposit_link_minutes !== undefined) data.depositLinkMinutes = params.deposit_link_minutes;
  await ctx.db.paymentSettings.upsert({
    where: { companyId: ctx.companyId },
    create: { ...(data as Omit<Prisma.PaymentSettingsUncheckedCreateInput, "companyId">), companyId: ctx.companyId },
    update: data,
  });
  // A new key is checked anew, not answered from the cached health of the old one.
  await getCache().invalidateTag(stripeCacheTag(ctx.companyId));
  return describe(ctx);
}

/** The endpoint to register in Stripe for this company. */
export function webhookUrlFor(slug: string): string {
  const base = env().APP_URL.replace(/\/+$/, "");
  return `${base}/api/stripe/webhook/${encodeURIComponent(slug)}`;
}

async function describe(ctx: ServiceContext): Promise<s.StripeSettingsDto> {
  const [row, company] = await Promise.all([
    ctx.db.paymentSettings.findUnique({ where: { companyId: ctx.companyId } }),
    ctx.db.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { slug: true } }),
  ]);
  const key = open(ctx.companyId, row?.stripeSecretKeyEnc, KEY_COLUMN);
  const webhookSet = Boolean(open(ctx.companyId, row?.stripeWebhookSecretEnc, WEBHOOK_COLUMN));
  return {
    secret_key_set: key !== null,
    secret_key_last4: key ? key.slice(-4) : null,
    mode: key ? (key.includes("_live_") ? "live" : "test") : null,
    webhook_secret_set: webhookSet,
    webhook_url: webhookUrlFor(company.slug),
    webhook_events: [...WEBHOOK_EVENTS],
    no_show_fee_cents: row?.noShowFeeCents ?? null,
    deposit_link_minutes: row?.depositLinkMinutes ?? 1440,
    configured: key !== null && webhookSet,
  };
}

/** A stored secret that no longer opens (another key, a copied row) counts as none: the form asks for it again. */
function open(companyId: string, sealed: string | null | undefined, column: SecretColumn): string | null {
  if (!sealed) return null;
  try {
    return decryptSecret(sealed, { companyId, column });
  } catch {
    return null;
  }
}
