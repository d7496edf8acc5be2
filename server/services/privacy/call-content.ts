import { Prisma } from "@/server/generated/prisma/client";

/** What removing a call's content clears: transcript, recording, summary and everything the agent collected. */
export function clearedCallContent(now: Date) {
  return {
    transcript: null,
    transcriptObject: Prisma.DbNull,
    recordingUrl: null,
    summary: null,
    collectedData: Prisma.DbNull,
    analysis: Prisma.DbNull,
    contentRemovedAt: now,
  } satisfies Prisma.CallUpdateManyMutationInput;
}
