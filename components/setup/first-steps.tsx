"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, Circle } from "lucide-react";
import Link from "next/link";
import { Suspense, useState } from "react";
import { SetupAgentCard } from "@/components/agents/setup-agent-card";
import { PageSkeleton } from "@/components/dashboard/page-skeleton";
import { PhoneNumbersPanel } from "@/components/phone/phone-numbers-panel";
import { BranchesSection } from "@/components/settings/branches-section";
import { RetellSection } from "@/components/settings/retell-section";
import { ServicesSection } from "@/components/settings/services-section";
import { StaffSection } from "@/components/settings/staff-section";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/utils";
import type { SetupProgress } from "@/server/services/dashboard/setup-progress";

interface Step {
  key: string;
  title: string;
  hint: string;
  done: (p: SetupProgress) => boolean;
  Content: React.ComponentType;
}

/** The way from a new company to its first call, each step the dashboard's own section for it. */
export function FirstSteps({ steps }: { steps: Step[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const progress = useQuery(trpc.dashboard.setupProgress.queryOptions());
  const [active, setActive] = useState(0);
  const step = steps[active]!;
  const allDone = progress.data ? steps.every((s) => s.done(progress.data)) : false;

  const go = async (index: number) => {
    setActive(index);
    await queryClient.invalidateQueries({ queryKey: trpc.dashboard.setupProgress.queryKey() });
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <nav aria-label="Schritte der Einrichtung">
        <ol className="grid gap-1">
          {steps.map((s, i) => {
            const done = progress.data ? s.done(progress.data) : false;
            return (
              <li key={s.key}>
                <button
                  type="button"
                  onClick={() => void go(i)}
                  aria-current={i === active ? "step" : undefined}
                  className={cn(
                    "flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm hover:bg-accent",
                    i === active && "bg-accent font-medium",
                  )}
                >
                  {done ? <CircleCheck className="size-4 shrink-0 text-emerald-600" aria-hidden /> : <Circle className="size-4 shrink-0 text-muted-foreground" aria-hidden />}
                  <span>
                    {i + 1}. {s.title}
                    <span className="sr-only">{done ? " (erledigt)" : " (offen)"}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
        {allDone && (
          <p className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900" role="status">
            Alles eingerichtet: Ihr Telefonassistent nimmt Anrufe an. <Link className="underline" href="/termine">Zu den Terminen</Link>
          </p>
        )}
      </nav>
      <section aria-labelledby="step-title" className="min-w-0">
        <h2 id="step-title" className="text-lg font-semibold">
          Schritt {active + 1}: {step.title}
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted-foreground">{step.hint}</p>
        <Suspense fallback={<PageSkeleton cards={0} rows={4} />}>
          <step.Content />
        </Suspense>
        <div className="mt-6 flex justify-between">
          <Button type="button" variant="outline" disabled={active === 0} onClick={() => void go(active - 1)}>
            Zurück
          </Button>
          {active < steps.length - 1 ? (
            <Button type="button" onClick={() => void go(active + 1)}>
              Weiter
            </Button>
          ) : (
            <Button asChild>
              <Link href="/uebersicht">Fertig</Link>
            </Button>
          )}
        </div>
      </section>
    </div>
  );
}

/** The steps of a new company, in order. */
export function CompanyFirstSteps() {
  return (
    <FirstSteps
      steps={[
        {
          key: "filialen",
          title: "Filialen und Öffnungszeiten",
          hint: "Prüfen Sie die Öffnungszeiten und Pausen Ihrer Filiale; nur zu diesen Zeiten vergibt der Telefonassistent Termine.",
          done: (p) => p.branches > 0,
          Content: BranchesSection,
        },
        {
          key: "leistungen",
          title: "Leistungen",
          hint: "Was Ihre Kundschaft buchen kann, mit Dauer und Preis.",
          done: (p) => p.services > 0,
          Content: ServicesSection,
        },
        {
          key: "mitarbeitende",
          title: "Mitarbeitende",
          hint: "Wer welche Leistung anbietet und wann er arbeitet.",
          done: (p) => p.bookableStaff > 0,
          Content: StaffSection,
        },
        {
          key: "retell",
          title: "Retell verbinden",
          hint: "Der API-Schlüssel Ihres Retell-Kontos; Retell führt die Telefongespräche.",
          done: (p) => p.retellKey,
          Content: RetellSection,
        },
        {
          key: "rufnummern",
          title: "Rufnummern",
          hint: "Die Nummer, unter der Ihre Kundschaft anruft: aus Ihrem Retell-Konto übernehmen und einer Filiale zuordnen.",
          done: (p) => p.phoneNumbers > 0,
          Content: PhoneNumbersPanel,
        },
        {
          key: "agent",
          title: "Agent einrichten",
          hint: "Legt in Ihrem Retell-Konto den Telefonassistenten mit deutschem Prompt aus Ihren Daten und unseren Funktionen an und verbindet ihn mit Ihrer Rufnummer. Eigene Anweisungen ergänzen Sie unter Agenten & Nummern.",
          done: (p) => p.agent,
          Content: SetupAgentCard,
        },
      ]}
    />
  );
}
