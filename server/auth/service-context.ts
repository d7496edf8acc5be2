import { randomUUID } from "node:crypto";
import type { Session } from "next-auth";
import { getDb } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/core/types";

export interface ServiceContextOptions {
  correlationId?: string;
  /** Defaults to the process-wide client; tests pass their own database. */
  db?: PrismaClient;
  now?: () => Date;
}

/** A ServiceContext for a dashboard user: the company comes from the session, never from input. */
export async function serviceContextFromSession(
  session: Session,
  opts: ServiceContextOptions = {},
): Promise<ServiceContext> {
  const correlationId = opts.correlationId ?? randomUUID();
  const { id, name, role, companyId } = session.user;
  return {
    companyId,
    actor: { type: "user", id, name, role },
    db: opts.db ?? (await getDb()),
    log: logger.child({ correlationId, companyId, userId: id }),
    now: opts.now ?? (() => new Date()),
    correlationId,
  };
}
