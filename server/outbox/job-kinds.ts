/**
 * Every kind of outbox job, registered here and nowhere else. To add one: define it with
 * `defineJobKind` in its own module, import it and add one entry below.
 */
import type { z } from "zod";
import type { JobKind } from "./job-kind";
import { NOTIFICATION_JOB, notificationJob } from "./notification-job";
import { RETELL_WEBHOOK_JOB, retellWebhookJob } from "@/server/mcp/webhook/webhook-job";

export const jobKinds = {
  [NOTIFICATION_JOB]: notificationJob,
  [RETELL_WEBHOOK_JOB]: retellWebhookJob,
} satisfies Record<string, JobKind>;

export type JobKindName = keyof typeof jobKinds;
export type JobPayload<K extends JobKindName> = z.input<(typeof jobKinds)[K]["payload"]>;
