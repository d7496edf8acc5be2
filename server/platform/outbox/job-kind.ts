import type { z } from "zod";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { Logger } from "@/server/platform/logger";
import type { DeliveryChannels } from "@/server/platform/outbox/channels";

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

/**
 * The product's job kinds by name. The composition root (server/composition.ts) fills this in
 * by declaration merging, so `enqueueJob` checks each payload against its kind's schema without
 * the outbox importing any service.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface JobKindMap {}
export type JobKindName = keyof JobKindMap & string;
export type JobPayload<K extends JobKindName> = JobKindMap[K] extends JobKind<infer S> ? z.input<S> : never;

const holder = globalThis as unknown as { __askproJobKinds?: Readonly<Record<string, JobKind>> };

/** Installs the product's job kinds; called once by the composition root. */
export function provideJobKinds(kinds: Readonly<Record<string, JobKind>>): void {
  holder.__askproJobKinds = kinds;
}

/** The job kinds a worker runs when it is given none of its own. */
export function providedJobKinds(): Readonly<Record<string, JobKind>> {
  const kinds = holder.__askproJobKinds;
  if (!kinds) throw new Error("No job kinds provided: import \"@/server/composition\" in the entry point first");
  return kinds;
}
