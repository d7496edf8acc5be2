"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRight, PhoneForwarded } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/provider";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/utils";

/** The overview's "Offene Rückrufe": open and not reached callbacks, one click from the list. */
export function OpenCallbacksCard() {
  const trpc = useTRPC();
  const open = useQuery({ ...trpc.webhook.listTasks.queryOptions({ status: ["open", "not_reached"], limit: 1 }), refetchInterval: 60_000 });
  const count = open.data?.total;
  return (
    <Card className="p-0">
      <Link href="/rueckrufe" className="flex items-center gap-4 rounded-lg p-5 transition-colors hover:bg-accent/50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
        <span className={cn("flex size-10 shrink-0 items-center justify-center rounded-md", count ? "bg-warning/10 text-warning" : "bg-accent text-accent-foreground")}>
          <PhoneForwarded className="size-5" aria-hidden />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block text-sm font-medium text-muted-foreground">Offene Rückrufe</span>
          <span className="tabular block text-2xl font-semibold tracking-tight" data-testid="stat-Offene Rückrufe">
            {count === undefined ? "–" : count.toLocaleString("de-DE")}
          </span>
        </span>
        <span className="hidden items-center gap-1 text-sm font-medium sm:flex">
          Zu den Rückrufen <ArrowRight className="size-4" aria-hidden />
        </span>
      </Link>
    </Card>
  );
}
