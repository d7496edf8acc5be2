import {
  Archive,
  BookOpen,
  Bot,
  CalendarClock,
  CheckCircle2,
  CircleSlash,
  KeyRound,
  ListTodo,
  PhoneCall,
  PhoneIncoming,
  TriangleAlert,
  Workflow,
  type LucideIcon,
} from "lucide-react";
import { api } from "@/server/doors/trpc/server";
import type { SectionKey } from "@/server/services/dashboard/sections";
import { EmptyState } from "./empty-state";
import { StatCard } from "./stat-card";

interface FigureLabels {
  primary: [label: string, icon: LucideIcon];
  secondary: [label: string, icon: LucideIcon];
  /** Shown when the main figure is zero. */
  empty: string;
  emptyIcon: LucideIcon;
}

const LABELS: Record<SectionKey, FigureLabels> = {
  termine: { primary: ["Anstehende Termine", CalendarClock], secondary: ["Vergangene Termine", Archive], empty: "Noch keine anstehenden Termine.", emptyIcon: CalendarClock },
  anrufe: { primary: ["Anrufe insgesamt", PhoneIncoming], secondary: ["Erfolgreich abgeschlossen", CheckCircle2], empty: "Noch keine Anrufe.", emptyIcon: PhoneCall },
  wissen: { primary: ["Aktive Einträge", BookOpen], secondary: ["Deaktivierte Einträge", CircleSlash], empty: "Noch keine Wissenseinträge.", emptyIcon: BookOpen },
  warteschlange: { primary: ["Wartende Aufträge", ListTodo], secondary: ["Fehlgeschlagene Aufträge", TriangleAlert], empty: "Keine wartenden Aufträge.", emptyIcon: ListTodo },
  funktionen: { primary: ["Eigene Funktionen", Workflow], secondary: ["Davon aktiviert", CheckCircle2], empty: "Noch keine eigenen Funktionen angelegt.", emptyIcon: Workflow },
  agenten: { primary: ["Aktive Telefonnummern", PhoneCall], secondary: ["Mit Agent verbunden", Bot], empty: "Noch keine Telefonnummern hinterlegt.", emptyIcon: PhoneCall },
  "api-tokens": { primary: ["Aktive Tokens", KeyRound], secondary: ["Widerrufene Tokens", CircleSlash], empty: "Noch keine API-Tokens angelegt.", emptyIcon: KeyRound },
};

/** The two key figures of a section from the database, and an honest empty state when there is nothing yet. */
export async function SectionFigures({ section }: { section: SectionKey }) {
  const figures = await (await api()).dashboard.sectionFigures({ section });
  const labels = LABELS[section];
  return (
    <div className="grid gap-6">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label={labels.primary[0]} value={figures.primary} icon={labels.primary[1]} />
        <StatCard label={labels.secondary[0]} value={figures.secondary} icon={labels.secondary[1]} />
      </div>
      {figures.primary === 0 && <EmptyState icon={labels.emptyIcon} title={labels.empty} />}
    </div>
  );
}
