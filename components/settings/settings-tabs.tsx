"use client";

import { Suspense, useState } from "react";
import { PageSkeleton } from "@/components/dashboard/page-skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { BranchesSection } from "./branches-section";
import { CalendarSection } from "./calendar-section";
import { CompanySection } from "./company-section";
import { DataSection } from "./data-section";
import { MessagingSection } from "./messaging-section";
import { PaymentsSection } from "./payments-section";
import { RetellSection } from "./retell-section";
import { SETTINGS_SECTIONS, settingsSection, type SettingsSection } from "./sections";
import { ServicesSection } from "./services-section";
import { StaffSection } from "./staff-section";

const CONTENT: Record<SettingsSection, React.ComponentType> = {
  firma: CompanySection,
  filialen: BranchesSection,
  leistungen: ServicesSection,
  mitarbeitende: StaffSection,
  kalender: CalendarSection,
  retell: RetellSection,
  nachrichten: MessagingSection,
  zahlungen: PaymentsSection,
  daten: DataSection,
};

/** Einstellungen in tabs; the open tab is kept in the address (?bereich=…), so it can be linked and survives a reload. */
export function SettingsTabs({ initial }: { initial: SettingsSection }) {
  const [tab, setTab] = useState<SettingsSection>(initial);
  function change(value: string) {
    const next = settingsSection(value);
    setTab(next);
    const url = new URL(window.location.href);
    url.searchParams.set("bereich", next);
    window.history.replaceState(window.history.state, "", url);
  }
  return (
    <Tabs value={tab} onValueChange={change} className="gap-5">
      <div className="-mx-1 overflow-x-auto px-1 pb-1">
        <TabsList aria-label="Bereiche der Einstellungen">
          {SETTINGS_SECTIONS.map((s) => (
            <TabsTrigger key={s.value} value={s.value}>
              {s.label}
            </TabsTrigger>
          ))}
        </TabsList>
      </div>
      {SETTINGS_SECTIONS.map(({ value }) => {
        const Content = CONTENT[value];
        return (
          <TabsContent key={value} value={value} className="min-w-0">
            <Suspense fallback={<PageSkeleton cards={0} rows={4} />}>
              <Content />
            </Suspense>
          </TabsContent>
        );
      })}
    </Tabs>
  );
}
