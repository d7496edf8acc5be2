import type { PrismaClient } from "@/server/generated/prisma/client";
import type { Actor } from "@/server/core/types";
import { logger } from "@/server/platform/logger";

export interface AuditEntry {
  companyId: string | null;
  actor: Actor;
  method: string;
  outcome: "success" | "error";
  errorCode?: number;
  durationMs: number;
  correlationId?: string;
  details?: Record<string, unknown>;
}

/**
 * Writes one audit row. A failing insert is logged, never thrown: the write it describes has
 * already happened and its caller must get its answer.
 */
export async function writeAudit(db: PrismaClient, entry: AuditEntry): Promise<void> {
  try {
    await db.auditLog.create({
      data: {
        companyId: entry.companyId,
        actorType: entry.actor.type,
        actorId: entry.actor.id,
        method: entry.method,
        outcome: entry.outcome,
        errorCode: entry.errorCode ?? null,
        durationMs: Math.round(entry.durationMs),
        correlationId: entry.correlationId ?? null,
        details: entry.details === undefined ? undefined : (entry.details as object),
      },
    });
  } catch (err) {
    logger.error({ err, method: entry.method, correlationId: entry.correlationId }, "audit row could not be written");
  }
}
