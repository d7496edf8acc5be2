import { Button } from "@/components/ui/button";

export interface PagerProps {
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  total: number;
  onPage: (page: number) => void;
}

/** "26–50 von 73" with Zurück / Weiter; pages are 1-based. */
export function Pager({ page, pageSize, shown, total, onPage }: PagerProps) {
  const first = (page - 1) * pageSize;
  return (
    <nav aria-label="Seiten" className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
      <span className="tabular" aria-live="polite">
        {shown === 0 ? "0" : `${first + 1}–${first + shown}`} von {total.toLocaleString("de-DE")}
      </span>
      {total > pageSize && (
        <div className="flex gap-2">
          <Button variant="outline" size="sm" onClick={() => onPage(page - 1)} disabled={page <= 1}>
            Zurück
          </Button>
          <Button variant="outline" size="sm" onClick={() => onPage(page + 1)} disabled={first + pageSize >= total}>
            Weiter
          </Button>
        </div>
      )}
    </nav>
  );
}
