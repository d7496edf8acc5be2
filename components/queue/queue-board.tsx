"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Ban, CheckCircle2, ListTodo, LoaderCircle, TriangleAlert } from "lucide-react";
import { StatCard } from "@/components/dashboard/stat-card";
import { useTRPC } from "@/components/trpc/provider";
import { Card, CardContent } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { JobPermissions } from "./job-actions";
import { JobTable } from "./job-table";
import { JOB_STATES } from "./job-labels";

function waitingHint(seconds: number | null): string | undefined {
  if (seconds === null) return undefined;
  if (seconds < 60) return "ältester seit weniger als einer Minute fällig";
  const minutes = Math.round(seconds / 60);
  return `ältester seit ${minutes.toLocaleString("de-DE")} ${minutes === 1 ? "Minute" : "Minuten"} fällig`;
}

/** Counts per state on top, the jobs below in one tab per state. */
export function QueueBoard({ permissions }: { permissions: JobPermissions }) {
  const trpc = useTRPC();
  const { data: stats } = useSuspenseQuery({ ...trpc.queue.stats.queryOptions({}), refetchInterval: 15_000 });
  const total = stats.pending + stats.processing + stats.failed + stats.done + stats.cancelled;

  return (
    <div className="grid gap-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
        <StatCard label="Wartende Aufträge" value={stats.pending} icon={ListTodo} hint={waitingHint(stats.oldest_pending_seconds)} />
        <StatCard label="In Bearbeitung" value={stats.processing} icon={LoaderCircle} />
        <StatCard label="Fehlgeschlagene Aufträge" value={stats.failed} icon={TriangleAlert} hint={stats.failed > 0 && permissions.canRetry ? "können wiederholt werden" : undefined} />
        <StatCard label="Erledigte Aufträge" value={stats.done} icon={CheckCircle2} />
        <StatCard label="Abgebrochene Aufträge" value={stats.cancelled} icon={Ban} />
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
