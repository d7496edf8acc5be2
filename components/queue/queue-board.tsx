"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Ban, CheckCircle2, ListTodo, LoaderCircle, TriangleAlert, type LucideIcon } from "lucide-react";
import { StatCard } from "@/components/dashboard/stat-card";
import { useTRPC } from "@/components/trpc/provider";
import { Card, CardContent } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { JobPermissions } from "./job-actions";
import { JobTable } from "./job-table";
import { JOB_STATES, type JobState } from "./job-labels";

const STATE_ICONS: Record<JobState, LucideIcon> = {
  pending: ListTodo,
  processing: LoaderCircle,
  failed: TriangleAlert,
  done: CheckCircle2,
  cancelled: Ban,
};

function waitingHint(seconds: number | null): string | undefined {
  if (seconds === null) return undefined;
  if (seconds < 60) return "ältester seit weniger als einer Minute fällig";
  const minutes = Math.round(seconds / 60);
  return `ältester seit ${minutes.toLocaleString("de-DE")} ${minutes === 1 ? "Minute" : "Minuten"} fällig`;
}

/** Counts per state on top (the same names as the tabs), the jobs below in one tab per state. */
export function QueueBoard({ permissions }: { permissions: JobPermissions }) {
  const trpc = useTRPC();
  const { data: stats } = useSuspenseQuery({ ...trpc.queue.stats.queryOptions({}), refetchInterval: 15_000 });
  const total = JOB_STATES.reduce((sum, { state }) => sum + stats[state], 0);
  const hints: Partial<Record<JobState, string>> = {
    pending: waitingHint(stats.oldest_pending_seconds),
    failed: stats.failed > 0 && permissions.canRetry ? "können wiederholt werden" : undefined,
  };

  return (
    <div className="grid gap-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
        {JOB_STATES.map(({ state, label }) => (
          <StatCard key={state} label={label} value={stats[state]} icon={STATE_ICONS[state]} hint={hints[state]} />
        ))}
      </div>
      <Card className="min-w-0">
        <CardContent className="pt-5">
          <Tabs defaultValue="all">
            <div className="-mx-1 overflow-x-auto px-1 pb-1">
              <TabsList aria-label="Aufträge nach Zustand">
                <TabsTrigger value="all">Alle ({total.toLocaleString("de-DE")})</TabsTrigger>
                {JOB_STATES.map((s) => (
                  <TabsTrigger key={s.state} value={s.state}>
                    {s.label} ({stats[s.state].toLocaleString("de-DE")})
                  </TabsTrigger>
                ))}
              </TabsList>
            </div>
            <TabsContent value="all">
              <JobTable label="Alle Aufträge" permissions={permissions} />
            </TabsContent>
            {JOB_STATES.map((s) => (
              <TabsContent key={s.state} value={s.state}>
                <JobTable state={s.state} label={`Aufträge: ${s.label}`} permissions={permissions} />
              </TabsContent>
            ))}
          </Tabs>
        </CardContent>
      </Card>
    </div>
  );
}
