import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder while a dashboard page loads: heading, figure cards and a list. */
export function PageSkeleton({ cards = 4, rows = 5 }: { cards?: number; rows?: number }) {
  return (
    <div aria-busy="true" aria-label="Seite wird geladen" className="grid gap-6">
      <div className="grid gap-2">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-4 w-full max-w-md" />
      </div>
      {cards > 0 && (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {Array.from({ length: cards }, (_, i) => (
            <Skeleton key={i} className="h-[118px] rounded-lg" />
          ))}
        </div>
      )}
      {rows > 0 && (
        <div className="grid gap-2 rounded-lg border bg-card p-5">
          <Skeleton className="mb-2 h-5 w-40" />
          {Array.from({ length: rows }, (_, i) => (
            <Skeleton key={i} className="h-9 w-full" />
          ))}
        </div>
      )}
    </div>
  );
}
