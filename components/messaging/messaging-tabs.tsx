"use client";

import { Suspense } from "react";
import { PageSkeleton } from "@/components/dashboard/page-skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ReminderSettingsCard } from "./reminder-settings-card";
import { SmsProviderCard } from "./sms-provider-card";
import { TemplateEditor } from "./template-editor";

const TABS = [
  { value: "sms", label: "SMS-Anbieter", Content: SmsProviderCard },
  { value: "vorlagen", label: "Vorlagen", Content: TemplateEditor },
  { value: "erinnerungen", label: "Erinnerungen", Content: ReminderSettingsCard },
] as const;

/** Nachrichten: how confirmations and reminders reach customers (SMS provider, wording, reminders). */
export function MessagingTabs() {
  return (
    <Tabs defaultValue="sms" className="gap-5">
      <TabsList aria-label="Bereiche der Nachrichten">
        {TABS.map((t) => (
          <TabsTrigger key={t.value} value={t.value}>
            {t.label}
          </TabsTrigger>
        ))}
      </TabsList>
      {TABS.map(({ value, Content }) => (
        <TabsContent key={value} value={value} className="min-w-0">
          <Suspense fallback={<PageSkeleton cards={0} rows={4} />}>
            <Content />
          </Suspense>
        </TabsContent>
      ))}
    </Tabs>
  );
}
