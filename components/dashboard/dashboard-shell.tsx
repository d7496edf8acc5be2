"use client";

import Link from "next/link";
import { useState } from "react";
import { Building2, Menu, PanelLeftClose, PanelLeftOpen, UserRound } from "lucide-react";
import { Brand } from "@/components/brand";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle } from "@/components/ui/sheet";
import { cn } from "@/components/ui/utils";
import { HelpMenu } from "@/components/help/help-menu";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { LogoutButton } from "./logout-button";
import { ROLE_LABELS, type Role } from "./nav-items";
import { SidebarNav } from "./sidebar-nav";

export interface ShellUser {
  name: string;
  email: string;
  role: Role;
  companyName: string;
}

/**
 * Sidebar and header around every dashboard page. From `lg` up the sidebar is fixed and can be
 * narrowed to icons; below it (tablets in portrait, phones) it opens as a drawer.
 */
export function DashboardShell({ user, children }: { user: ShellUser; children: React.ReactNode }) {
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <div className="min-h-dvh bg-background">
      <a
        href="#inhalt"
        className="sr-only z-50 rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground shadow-lg focus:not-sr-only focus:fixed focus:left-4 focus:top-3 focus:outline-none focus:ring-2 focus:ring-ring focus:ring-offset-2"
      >
        Zum Inhalt springen
      </a>
      <aside
        className={cn(
          "fixed inset-y-0 left-0 z-30 hidden flex-col border-r border-sidebar-border bg-sidebar transition-[width] duration-200 lg:flex",
          collapsed ? "w-[4.25rem]" : "w-64",
        )}
      >
        <div className={cn("flex h-14 items-center border-b border-sidebar-border px-4", collapsed && "justify-center px-0")}>
          <Link href="/uebersicht" aria-label="AskProAI – Übersicht">
            <Brand compact={collapsed} />
          </Link>
        </div>
        <SidebarNav role={user.role} collapsed={collapsed} />
      </aside>

      <Sheet open={drawerOpen} onOpenChange={setDrawerOpen}>
        <SheetContent side="left" className="gap-0 p-0 lg:hidden">
          <div className="flex h-14 items-center border-b px-4">
            <SheetTitle asChild>
              <span>
                <Brand />
              </span>
            </SheetTitle>
            <SheetDescription className="sr-only">Navigation</SheetDescription>
          </div>
          <SidebarNav role={user.role} onNavigate={() => setDrawerOpen(false)} />
        </SheetContent>
      </Sheet>

      <div className={cn("flex min-h-dvh min-w-0 flex-col transition-[padding] duration-200", collapsed ? "lg:pl-[4.25rem]" : "lg:pl-64")}>
        <header className="sticky top-0 z-20 flex h-14 items-center gap-2 border-b bg-card/95 px-3 backdrop-blur supports-[backdrop-filter]:bg-card/80 sm:px-4">
          <Button variant="ghost" size="icon" className="lg:hidden" onClick={() => setDrawerOpen(true)} aria-label="Navigation öffnen">
            <Menu />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="hidden lg:inline-flex"
            onClick={() => setCollapsed((c) => !c)}
            aria-label={collapsed ? "Navigation ausklappen" : "Navigation einklappen"}
            aria-pressed={collapsed}
          >
            {collapsed ? <PanelLeftOpen /> : <PanelLeftClose />}
          </Button>
          <div className="flex min-w-0 items-center gap-2 text-sm font-medium">
            <Building2 className="size-4 shrink-0 text-muted-foreground" aria-hidden />
            <span className="truncate" data-testid="company-name">
              {user.companyName}
            </span>
          </div>
          <div className="ml-auto flex min-w-0 items-center gap-3">
            <div className="hidden min-w-0 text-right leading-tight sm:block">
              <div className="truncate text-sm font-medium" data-testid="user-name">
                {user.name}
              </div>
              <div className="truncate text-xs text-muted-foreground">{user.email}</div>
            </div>
            <Badge variant={user.role === "admin" ? "default" : "secondary"} data-testid="user-role">
              {ROLE_LABELS[user.role]}
            </Badge>
            <NotificationBell />
            <HelpMenu />
            <Button asChild variant="ghost" size="sm">
              <Link href="/konto" title="Mein Konto: Passwort ändern">
                <UserRound aria-hidden />
                {/* A label only where the header has room: a tablet shows the icon (named for screen readers). */}
                <span className="hidden lg:inline">Mein Konto</span>
                <span className="sr-only lg:hidden">Mein Konto</span>
              </Link>
            </Button>
            <LogoutButton />
          </div>
        </header>
        <main id="inhalt" tabIndex={-1} className="mx-auto w-full min-w-0 max-w-7xl flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8">{children}</main>
      </div>
    </div>
  );
}
