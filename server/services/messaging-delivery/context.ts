/**
 * What every customer message of a company needs besides the appointment: the company's zone,
 * its reminder settings, the branches' addresses and the company's own template texts. Every
 * booking, move and cancellation writes messages inside its transaction, so this is read with
 * one statement and kept in the cache: a booking's transaction then reads nothing for its
 * messages. Template and reminder writes drop it (invalidateMessagingContext); branch writes drop
 * it through the branch cache tag, like the calendar's company data. (The company's zone is set
 * when the company is created; no method changes it.)
 */
import { cacheKey, CacheTags, companyTag } from "@/server/core/cache-keys";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { getCache } from "@/server/platform/cache";
import type { StoredTemplate } from "@/server/services/messaging-templates/render";
import type { ReminderSettingsRow } from "./settings";

/** Like the company data: a write on another instance is seen after this at the latest. */
export const MESSAGING_CONTEXT_TTL_SECONDS = 60;
const MESSAGING_TAG = "messaging";

export interface BranchAddress {
  id: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
}

export interface MessagingContext extends ReminderSettingsRow {
  timeZone: string;
  /** All branches, inactive ones too: an appointment keeps its branch. */
  branches: BranchAddress[];
  /** The company's own texts; a kind and channel without one uses the default. */
  templates: StoredTemplate[];
}

function key(companyId: string): string {
  return cacheKey(companyId, "messaging.context", {});
}

/**
 * The company's messaging context, from the cache or with one statement; null for an unknown
 * company. A cached one that does not know `branchId` (a branch made a moment ago) is read anew.
 */
export async function messagingContext(
  db: PrismaClient | Prisma.TransactionClient,
  companyId: string,
  branchId?: string,
): Promise<MessagingContext | null> {
  const cache = getCache();
  const hit = await cache.get<MessagingContext>(key(companyId));
  if (hit && (branchId === undefined || hit.branches.some((b) => b.id === branchId))) return hit;
  const context = await readMessagingContext(db, companyId);
  if (context) {
    const tags = [MESSAGING_TAG, CacheTags.branch].map((tag) => companyTag(companyId, tag));
    await cache.set(key(companyId), context, MESSAGING_CONTEXT_TTL_SECONDS, tags);
  }
  return context;
}

/** After a write of the company's templates or reminder settings. */
export function invalidateMessagingContext(companyId: string): Promise<void> {
  return getCache().invalidateTag(companyTag(companyId, MESSAGING_TAG));
}

async function readMessagingContext(db: PrismaClient | Prisma.TransactionClient, companyId: string): Promise<MessagingContext | null> {
  const [row] = await db.$queryRaw<MessagingContext[]>`
    SELECT c."timeZone",
           COALESCE(ms."reminderOffsets", ARRAY[1440]) AS "reminderOffsets",
           COALESCE(ms."emailReminders", true) AS "emailReminders",
           COALESCE(ms."smsReminders", false) AS "smsReminders",
           COALESCE(ms."quietFrom", '21:00') AS "quietFrom",
           COALESCE(ms."quietUntil", '08:00') AS "quietUntil",
           COALESCE((SELECT json_agg(json_build_object('id', b.id, 'street', b.street, 'postalCode', b."postalCode", 'city', b.city))
                       FROM branches b WHERE b."companyId" = c.id), '[]'::json) AS branches,
           COALESCE((SELECT json_agg(json_build_object('channel', t.channel, 'kind', t.kind, 'subject', t.subject, 'body', t.body))
                       FROM message_templates t WHERE t."companyId" = c.id), '[]'::json) AS templates
      FROM companies c
      LEFT JOIN messaging_settings ms ON ms."companyId" = c.id
     WHERE c.id = ${companyId}`;
  return row ?? null;
}
