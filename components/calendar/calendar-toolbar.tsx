"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { DayFilter } from "@/components/forms/day-filter";
import { OptionSelect } from "@/components/forms/option-select";
import { Button } from "@/components/ui/button";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { addDaysLocal } from "@/server/scheduling/local-date";
import type { CalendarMode, CalendarState } from "./calendar-url";

/** Heute / Morgen / ‹ ›, the day typed as dd.MM.yyyy (applied on Enter or leaving the field), branch and Tag/Woche. */
export function CalendarToolbar({
  state,
  today,
  branches,
  shownBranch,
  onChange,
}: {
  state: CalendarState;
  today: string;
  branches: Array<{ value: string; label: string }>;
  /** The branch the calendar shows (the company's first when none is chosen). */
  shownBranch?: string;
  onChange: (next: CalendarState) => void;
}) {
  const step = state.mode === "woche" ? 7 : 1;
  const go = (date: string) => onChange({ ...state, date });
  return (
    <div className="flex flex-wrap items-end gap-3" role="toolbar" aria-label="Kalender">
      <div className="flex items-center gap-1">
        <Button variant="outline" size="icon" aria-label={state.mode === "woche" ? "Vorige Woche" : "Voriger Tag"} onClick={() => go(addDaysLocal(state.date, -step))}>
          <ChevronLeft aria-hidden />
        </Button>
        <Button variant={state.date === today ? "secondary" : "outline"} onClick={() => go(today)}>
          Heute
        </Button>
        <Button variant={state.date === addDaysLocal(today, 1) ? "secondary" : "outline"} onClick={() => go(addDaysLocal(today, 1))}>
          Morgen
        </Button>
        <Button variant="outline" size="icon" aria-label={state.mode === "woche" ? "Nächste Woche" : "Nächster Tag"} onClick={() => go(addDaysLocal(state.date, step))}>
          <ChevronRight aria-hidden />
        </Button>
      </div>
      <DayFilter label="Datum" value={state.date} onApply={go} required className="gap-1.5" />
      {branches.length > 1 && (
        <div className="w-64 max-w-full">
          <OptionSelect id="kalender-filiale" label="Filiale" value={state.branch ?? shownBranch} options={branches} onChange={(branch) => onChange({ ...state, branch })} />
        </div>
      )}
      <Tabs value={state.mode} onValueChange={(mode) => onChange({ ...state, mode: mode as CalendarMode })}>
        <TabsList aria-label="Ansicht">
          {/* A view switch without tab panels: no aria-controls pointing at a panel that is not there. */}
          <TabsTrigger value="tag" aria-controls={undefined}>
            Tag
          </TabsTrigger>
          <TabsTrigger value="woche" aria-controls={undefined}>
            Woche
          </TabsTrigger>
        </TabsList>
      </Tabs>
    </div>
  );
}
