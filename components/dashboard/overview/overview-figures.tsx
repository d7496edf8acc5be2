"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { CalendarCheck, CalendarClock, PhoneIncoming, Users } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/components/trpc/provider";
import { OpenCallbacksCard } from "@/components/tasks/open-callbacks-card";
import { StatCard } from "../stat-card";
import { ActivityChart } from "./activity-chart";
import { NextAppointments } from "./next-appointments";
import { RecentCalls } from "./recent-calls";
import { SystemStatus } from "./system-status";
import { UndeliveredNotice } from "./undelivered-notice";

/** Overview figures; prefetched by the page, refreshed every minute while the tab is open. */
export function OverviewFigures() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery({ ...trpc.dashboard.overview.queryOptions(), refetchInterval: 60_000 });
  const activity = useQuery({ ...trpc.dashboard.activity.queryOptions(), refetchInterval: 5 * 60_000 });
  const { counts } = data;

  return (
    <div className="grid gap-6">
      <p className="-mt-3 text-sm text-muted-foreground">
        Heute ist {data.today.weekday}, der <span className="tabular">{data.today.date}</span>.
      </p>
      <UndeliveredNotice undelivered={data.undelivered} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Termine heute" value={counts.appointmentsToday} icon={CalendarCheck} hint="ohne stornierte Termine" />
        <StatCard label="Anstehende Termine" value={counts.upcomingAppointments} icon={CalendarClock} hint="ab jetzt geplant" />
        <StatCard label="Kundschaft" value={counts.customers} icon={Users} hint="gespeicherte Kontakte" />
        <StatCard label="Anrufe heute" value={counts.callsToday} icon={PhoneIncoming} hint={`${counts.callsTotal.toLocaleString("de-DE")} Anrufe insgesamt`} />
      </div>
      <OpenCallbacksCard />
      <Card className="min-w-0">
        <CardHeader>
          <CardTitle>Nächste Termine</CardTitle>
          <CardDescription>Die nächsten geplanten Termine aller Filialen.</CardDescription>
        </CardHeader>
        <CardContent className="px-2 sm:px-5">
          <NextAppointments appointments={data.nextAppointments} />
        </CardContent>
      </Card>
      <div className="grid gap-6 xl:grid-cols-2">
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Letzte Anrufe</CardTitle>
            <CardDescription>Die fünf jüngsten Gespräche des Telefonassistenten.</CardDescription>
          </CardHeader>
          <CardContent className="px-2 sm:px-5">
            <RecentCalls calls={data.recentCalls} />
          </CardContent>
        </Card>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Anrufe und Buchungen</CardTitle>
            <CardDescription>Je Tag der letzten zwei Wochen; Buchungen nach dem Tag, an dem sie gemacht wurden.</CardDescription>
          </CardHeader>
          <CardContent>
            {activity.data ? (
              <ActivityChart activity={activity.data} />
            ) : activity.isError ? (
              <p className="text-sm text-destructive">Die Zahlen konnten nicht geladen werden.</p>
            ) : (
              <Skeleton className="aspect-[720/250] w-full" />
            )}
          </CardContent>
        </Card>
      </div>
      <Card className="min-w-0">
        <CardHeader>
          <CardTitle>Systemzustand</CardTitle>
          <CardDescription>Dienste von AskProAI, Verbindungen zu Cal.com und Retell, fehlgeschlagene Aufrufe.</CardDescription>
        </CardHeader>
        <CardContent>
          <SystemStatus />
        </CardContent>
      </Card>
    </div>
  );
}
