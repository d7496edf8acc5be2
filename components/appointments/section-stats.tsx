"use client";

import { useQuery } from "@tanstack/react-query";
import type { LucideIcon } from "lucide-react";
import { StatCard } from "@/components/dashboard/stat-card";
import { useTRPC } from "@/components/trpc/provider";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The section's two key figures (dashboard.sectionFigures) as cards; a query rather than a
 * server render, so bookings and cancellations on the page refresh them.
 */
export function SectionStats({ section, labels }: { section: "termine" | "anrufe"; labels: [primary: [string, LucideIcon], secondary: [string, LucideIcon]] }) {
  const trpc = useTRPC();
  const figures = useQuery(trpc.dashboard.sectionFigures.queryOptions({ section }));
  const values = figures.data ? [figures.data.primary, figures.data.secondary] : null;
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {labels.map(([label, icon], i) =>
        values ? <StatCard key={label} label={label} value={values[i]} icon={icon} /> : <Skeleton key={label} className="h-[118px] rounded-lg" />,
      )}
    </div>
  );
}
