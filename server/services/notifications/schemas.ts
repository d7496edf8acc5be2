import { z } from "zod";

export const listParams = z.object({ limit: z.number().int().min(1).max(50).default(20) });
export const notificationSchema = z.object({
  /** "appointment:<id>" or "task:<id>". */
  id: z.string(),
  /** phone_booking: booked by the phone agent; callback: a callback task from a call. */
  kind: z.enum(["phone_booking", "callback"]),
  title: z.string(),
  description: z.string().nullable(),
  created_at: z.string(),
  /** The dashboard page it is about. */
  href: z.string(),
  /** Newer than the calling user's last "Alle als gelesen markieren". */
  unread: z.boolean(),
});
export type NotificationDto = z.infer<typeof notificationSchema>;
export const listResult = z.object({
  notifications: z.array(notificationSchema),
  /** All unread ones, also those beyond `limit`. */
  unread_count: z.number(),
  seen_at: z.string().nullable(),
});
export const markSeenParams = z.object({});
export const markSeenResult = z.object({ id: z.string(), seen_at: z.string() });
