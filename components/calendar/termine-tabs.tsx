import Link from "next/link";
import { cn } from "@/components/ui/utils";

/** Termine's two views: the Kalender (first page) and the Liste with search across all days. */
export function TermineTabs({ current }: { current: "kalender" | "liste" }) {
  const tab = (key: typeof current, href: string, label: string) => (
    <Link
      href={href}
      aria-current={current === key ? "page" : undefined}
      className={cn(
        "inline-flex items-center rounded-md px-3 py-1 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
        current === key ? "bg-card text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground",
      )}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Ansicht der Termine" className="mb-4 inline-flex h-9 items-center rounded-lg bg-muted p-1">
      {tab("kalender", "/termine", "Kalender")}
      {tab("liste", "/termine/liste", "Liste")}
    </nav>
  );
}
