import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";
import type { Actor } from "@/server/core/types";
import { logger } from "@/server/platform/logger";
import { writeBehind } from "@/server/platform/write-behind";

export interface AuditEntry {
  companyId: string | null;
  actor: Actor;
  method: string;
  outcome: "success" | "error";
  errorCode?: number;
  durationMs: number;
  correlationId?: string;
  details?: Record<string, unknown>;
  /** What the call touched (appointment, customer, …) and its id, for the Protokoll's link. */
  entityType?: string | null;
  entityId?: string | null;
}

/**
 * Writes one audit row. A failing insert is logged, never thrown: the write it describes has
 * already happened and its caller must get its answer.
 */
export async function writeAudit(db: PrismaClient, entry: AuditEntry): Promise<void> {
  try {
    await db.auditLog.create({ data: auditRow(entry), select: { id: true } });
  } catch (err) {
    logger.error({ err, method: entry.method, correlationId: entry.correlationId }, "audit row could not be written");
  }
}

type AuditRow = ReturnType<typeof auditRow> & { createdAt: Date };

/** One multi-row INSERT (the client's createMany would wrap it in a transaction of its own). */
const auditBatch = writeBehind("audit_logs", (db, rows: AuditRow[]) => {
  const values = rows.map(
    (r) =>
      Prisma.sql`(${randomUUID()}, ${r.companyId}, ${r.actorType}, ${r.actorId}, ${r.actorName}, ${r.method}, ${r.outcome}, ${r.errorCode}, ${r.durationMs},
                  ${r.correlationId}, ${r.details === undefined ? null : JSON.stringify(r.details)}::jsonb, ${r.entityType}, ${r.entityId}, ${r.createdAt})`,
  );
  return db.$executeRaw`
    INSERT INTO audit_logs (id, "companyId", "actorType", "actorId", "actorName", method, outcome, "errorCode", "durationMs", "correlationId", details,
                            "entityType", "entityId", "createdAt")
    VALUES ${Prisma.join(values)}`;
});

/**
 * The audit row of a busy door (the phone path): written with the next batch of audit rows,
 * a moment later (platform/write-behind.ts), instead of with a statement of its own.
 */
export function queueAudit(db: PrismaClient, entry: AuditEntry): void {
  auditBatch(db, { ...auditRow(entry), createdAt: new Date() });
}

function auditRow(entry: AuditEntry) {
  return {
    companyId: entry.companyId,
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    actorName: entry.actor.name ?? null,
    method: entry.method,
    outcome: entry.outcome,
    errorCode: entry.errorCode ?? null,
    durationMs: Math.round(entry.durationMs),
    correlationId: entry.correlationId ?? null,
    details: entry.details === undefined ? undefined : (entry.details as object),
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
  };
}
