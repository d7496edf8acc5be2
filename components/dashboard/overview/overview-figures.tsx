"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { CalendarCheck, CalendarClock, PhoneIncoming, Users } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useTRPC } from "@/components/trpc/provider";
import { StatCard } from "../stat-card";
import { NextAppointments } from "./next-appointments";

/** Overview figures; prefetched by the page, refreshed every minute while the tab is open. */
export function OverviewFigures() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery({ ...trpc.dashboard.overview.queryOptions(), refetchInterval: 60_000 });
  const { counts } = data;

  return (
    <div className="grid gap-6">
      <p className="-mt-3 text-sm text-muted-foreground">
        Heute ist {data.today.weekday}, der <span className="tabular">{data.today.date}</span>.
      </p>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Termine heute" value={counts.appointmentsToday} icon={CalendarCheck} hint="ohne abgesagte Termine" />
        <StatCard label="Anstehende Termine" value={counts.upcomingAppointments} icon={CalendarClock} hint="ab jetzt geplant" />
        <StatCard label="Kundschaft" value={counts.customers} icon={Users} hint="gespeicherte Kontakte" />
        <StatCard label="Anrufe heute" value={counts.callsToday} icon={PhoneIncoming} hint={`${counts.callsTotal.toLocaleString("de-DE")} Anrufe insgesamt`} />
      </div>
      <Card className="min-w-0">
        <CardHeader>
          <CardTitle>Nächste Termine</CardTitle>
          <CardDescription>Die nächsten geplanten Termine aller Filialen.</CardDescription>
        </CardHeader>
        <CardContent className="px-2 sm:px-5">
          <NextAppointments appointments={data.nextAppointments} />
        </CardContent>
      </Card>
    </div>
  );
}
