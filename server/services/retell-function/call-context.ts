import { randomUUID } from "node:crypto";
/**
 * What the agent collected during a live call (collect_appointment_data): kept in the cache
 * for 5 minutes for the next function call, and persisted on calls.collectedData so the
 * call_ended webhook can still act on it.
 */
import { z } from "zod";
import { getCache } from "@/server/platform/cache";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";

export const CALL_CONTEXT_TTL_SECONDS = 300;

export const collectedAppointmentSchema = z.object({
  /** Local date YYYY-MM-DD in the branch's zone. */
  date: z.string(),
  /** HH:mm */
  time: z.string(),
  customerName: z.string(),
  /** E.164 */
  customerPhone: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  email: z.string().optional(),
  preferredStaff: z.string().optional(),
  notes: z.string().optional(),
});
export type CollectedAppointment = z.infer<typeof collectedAppointmentSchema>;

export const collectedDataSchema = z.object({
  /** Raw fields as the agent sent them, merged over the call's function calls. */
  fields: z.record(z.string(), z.string()).default({}),
  /** Set once every required field was understood. */
  appointment: collectedAppointmentSchema.optional(),
  /** Data of company-defined data_collection functions, by function name. */
  custom: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type CollectedData = z.infer<typeof collectedDataSchema>;

interface CachedContext {
  companyId: string;
  data: CollectedData;
}

const cacheKey = (callId: string) => `retell:call:${callId}`;

export async function loadCollectedData(db: PrismaClient, companyId: string, callId: string): Promise<CollectedData> {
  const cached = await getCache().get<CachedContext>(cacheKey(callId));
  if (cached && cached.companyId === companyId) return cached.data;
  const call = await db.call.findUnique({
    where: { companyId_retellCallId: { companyId, retellCallId: callId } },
    select: { collectedData: true },
  });
  if (!call) return { fields: {} };
  const parsed = collectedDataSchema.safeParse(call.collectedData ?? {});
  return parsed.success ? parsed.data : { fields: {} };
}

export interface CallRef {
  companyId: string;
  callId: string;
  branchId?: string | null;
  fromNumber?: string;
  toNumber?: string;
}

export async function saveCollectedData(db: PrismaClient, ref: CallRef, data: CollectedData): Promise<void> {
  await ensureCall(db, ref, { collectedData: JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue });
  await getCache().set(cacheKey(ref.callId), { companyId: ref.companyId, data } satisfies CachedContext, CALL_CONTEXT_TTL_SECONDS);
}

/**
 * The company's call row for a Retell call id, created on first contact (function call or
 * webhook, whichever comes first). Call ids are unique per company only. One statement
 * (INSERT … ON CONFLICT DO UPDATE), so a webhook or a parallel function call cannot collide with
 * it; the fields given in `update` are set, the others kept. Plain SQL: it runs after every
 * booking on the phone, and the client's upsert cost about 1 ms more (compiled on every call).
 */
export async function ensureCall(
  db: PrismaClient,
  ref: CallRef,
  update: { collectedData?: Prisma.InputJsonValue; customerId?: string; appointmentId?: string; outcome?: string } = {},
): Promise<{ id: string }> {
  const collected = update.collectedData === undefined ? null : JSON.stringify(update.collectedData);
  const [row] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO calls (id, "companyId", "retellCallId", "branchId", "fromNumber", "toNumber", "collectedData", "customerId", "appointmentId", outcome, "updatedAt")
    VALUES (${randomUUID()}, ${ref.companyId}, ${ref.callId}, ${ref.branchId ?? null}, ${ref.fromNumber ?? null}, ${ref.toNumber ?? null},
            ${collected}::jsonb, ${update.customerId ?? null}, ${update.appointmentId ?? null}, ${update.outcome ?? null}, now())
    ON CONFLICT ("companyId", "retellCallId") DO UPDATE
       SET "collectedData" = COALESCE(EXCLUDED."collectedData", calls."collectedData"),
           "customerId" = COALESCE(EXCLUDED."customerId", calls."customerId"),
           "appointmentId" = COALESCE(EXCLUDED."appointmentId", calls."appointmentId"),
           outcome = COALESCE(EXCLUDED.outcome, calls.outcome),
           "updatedAt" = now()
    RETURNING id`;
  return row;
}
