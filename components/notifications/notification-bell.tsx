"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, CalendarCheck, CheckCheck, PhoneForwarded } from "lucide-react";
import Link from "next/link";
import { formatDateTime } from "@/components/forms/format";
import { errorMessage } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/sonner";
import { cn } from "@/components/ui/utils";

/** New phone bookings and callbacks arrive without a reload: read every 15 s and when the window gets the focus again. */
const REFRESH_MS = 15_000;

/** "Benachrichtigungen (3 neu)" */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Benachrichtigungen (${unread} neu)` : "Benachrichtigungen";
}

/** The header's bell: the unread count, the latest notifications as links, "Alle als gelesen markieren". */
export function NotificationBell() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({ ...trpc.notifications.list.queryOptions({}), refetchInterval: REFRESH_MS, refetchOnWindowFocus: true });
  const markSeen = useMutation(
    trpc.notifications.markSeen.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.notifications.list.pathFilter()),
      onError: (err) => toast.error(errorMessage(err)),
    }),
  );
  const unread = list.data?.unread_count ?? 0;
  const items = list.data?.notifications ?? [];

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="relative" aria-label={bellLabel(unread)} title="Benachrichtigungen" data-testid="notification-bell">
          <Bell aria-hidden />
          {unread > 0 && (
            <span aria-hidden className="tabular absolute -right-0.5 -top-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold leading-none text-destructive-foreground">
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80 max-w-[calc(100vw-1rem)]">
        <DropdownMenuLabel className="flex items-center justify-between gap-2">
          Benachrichtigungen
          {unread > 0 && <span className="tabular text-xs font-normal text-muted-foreground">{unread} neu</span>}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {list.isError && <p className="px-2 py-1.5 text-sm text-destructive">Die Benachrichtigungen konnten nicht geladen werden.</p>}
        {list.isSuccess && items.length === 0 && <p className="px-2 py-1.5 text-sm text-muted-foreground">Keine Benachrichtigungen.</p>}
        <div className="max-h-96 overflow-y-auto">
          {items.map((n) => {
            const Icon = n.kind === "callback" ? PhoneForwarded : CalendarCheck;
            return (
              <DropdownMenuItem key={n.id} asChild>
                <Link href={n.href} className="items-start" data-testid="notification">
                  <Icon className={cn("mt-0.5", n.unread ? "text-primary" : "text-muted-foreground")} aria-hidden />
                  <span className="grid min-w-0 gap-0.5">
                    <span className={cn("line-clamp-2", n.unread && "font-medium")}>
                      {n.unread && <span className="sr-only">Neu: </span>}
                      {n.title}
                    </span>
                    {n.description && <span className="truncate text-xs text-muted-foreground">{n.description}</span>}
                    <span className="tabular text-xs text-muted-foreground">{formatDateTime(n.created_at)}</span>
                  </span>
                </Link>
              </DropdownMenuItem>
            );
          })}
        </div>
        <DropdownMenuSeparator />
        <DropdownMenuItem disabled={unread === 0 || markSeen.isPending} onSelect={() => markSeen.mutate({})}>
          <CheckCheck aria-hidden /> Alle als gelesen markieren
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/rueckrufe">
            <PhoneForwarded aria-hidden /> Alle Rückrufe
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
