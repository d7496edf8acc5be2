import { z } from "zod";
import { defineJobKind } from "@/server/platform/outbox/job-kind";

export const NOTIFICATION_JOB = "notification.send";

/** Delivers a rendered message (booking, change or cancel confirmation) through its channel. */
export const notificationJob = defineJobKind({
  payload: z.object({
    channel: z.enum(["email", "sms"]),
    to: z.string().min(3),
    subject: z.string(),
    text: z.string().min(1),
    /** For the queue view: which appointment the message is about. */
    appointmentId: z.string().optional(),
  }),
  async run(message, ctx) {
    await ctx.channels[message.channel].send(message);
  },
});
