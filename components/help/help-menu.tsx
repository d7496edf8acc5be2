"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { CircleHelp } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { helpMenuEntries } from "./guide-pages";

/** The header's "Hilfe" button: help for the current page first, then the user guide's pages. */
export function HelpMenu() {
  const entries = helpMenuEntries(usePathname());
  const context = entries.filter((e) => e.context);
  const pages = entries.filter((e) => !e.context);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" title="Hilfe und Handbuch">
          <CircleHelp aria-hidden />
          <span className="hidden lg:inline">Hilfe</span>
          <span className="sr-only lg:hidden">Hilfe</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-72">
        {context.map((e) => (
          <DropdownMenuItem key={e.href} asChild>
            <Link href={e.href}>{e.label}</Link>
          </DropdownMenuItem>
        ))}
        {context.length > 0 && <DropdownMenuSeparator />}
        <DropdownMenuLabel>Handbuch</DropdownMenuLabel>
        {pages.map((e) => (
          <DropdownMenuItem key={e.href} asChild>
            <Link href={e.href}>{e.label}</Link>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
