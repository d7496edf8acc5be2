import type { z } from "zod";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { Logger } from "@/server/logger";
import type { DeliveryChannels } from "./channels";

export interface JobContext {
  db: PrismaClient;
  log: Logger;
  now: () => Date;
  channels: DeliveryChannels;
  job: { id: string; companyId: string | null; attempts: number };
}

/** One kind of background work: its payload schema and what running it means. */
export interface JobKind<S extends z.ZodType = z.ZodType> {
  payload: S;
  /** Throw to retry later (with backoff); throw PermanentJobError to give up at once. */
  run(payload: z.output<S>, ctx: JobContext): Promise<void>;
}

export function defineJobKind<S extends z.ZodType>(kind: JobKind<S>): JobKind<S> {
  return kind;
}

/** A failure that no retry can fix (bad payload, data gone): the job is marked failed at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}
