/** A company's reminder settings (MessagingSettings), with the schema's defaults when it has no row yet. */
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import type { QuietHours } from "./reminders";

export interface ReminderSettings {
  /** Minutes before the start, e.g. [1440, 120]. */
  offsetsMinutes: number[];
  emailReminders: boolean;
  /** Off unless the company turns it on: SMS cost money. */
  smsReminders: boolean;
  quiet: QuietHours;
}

export const DEFAULT_REMINDER_SETTINGS: Readonly<ReminderSettings> = Object.freeze({
  offsetsMinutes: [1440],
  emailReminders: true,
  smsReminders: false,
  quiet: { from: "21:00", until: "08:00" },
});

export interface ReminderSettingsRow {
  reminderOffsets: number[];
  emailReminders: boolean;
  smsReminders: boolean;
  quietFrom: string;
  quietUntil: string;
}

export function reminderSettingsOf(row: ReminderSettingsRow | null | undefined): ReminderSettings {
  if (!row) return { ...DEFAULT_REMINDER_SETTINGS, offsetsMinutes: [...DEFAULT_REMINDER_SETTINGS.offsetsMinutes] };
  return {
    offsetsMinutes: [...row.reminderOffsets],
    emailReminders: row.emailReminders,
    smsReminders: row.smsReminders,
    quiet: { from: row.quietFrom, until: row.quietUntil },
  };
}

export async function readReminderSettings(db: PrismaClient | Prisma.TransactionClient, companyId: string): Promise<ReminderSettings> {
  const row = await db.messagingSettings.findUnique({
    where: { companyId },
    select: { reminderOffsets: true, emailReminders: true, smsReminders: true, quietFrom: true, quietUntil: true },
  });
  return reminderSettingsOf(row);
}
