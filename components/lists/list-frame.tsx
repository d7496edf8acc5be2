import type { LucideIcon } from "lucide-react";
import { EmptyState } from "@/components/dashboard/empty-state";
import { errorMessage } from "@/components/forms/trpc-errors";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Pager, type PagerProps } from "./pager";
import { RetryButton } from "./retry-button";

/** The part of a useQuery result a list needs. */
export interface ListQuery<T> {
  status: "pending" | "error" | "success";
  data: T | undefined;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

export interface ListEmpty {
  icon: LucideIcon;
  title: string;
  text?: React.ReactNode;
}

type ListSource<T> =
  /** A read that may still be loading or have failed (useQuery). */
  | { query: ListQuery<T>; data?: never }
  /** Data already there (useSuspenseQuery, or a part of it). */
  | { data: T; query?: never };

type ListEmptiness<T> =
  | { isEmpty: (data: T) => boolean; empty: ListEmpty }
  /** A list that is never empty (e.g. an agent's versions). */
  | { isEmpty?: never; empty?: never };

interface ListFrameOptions<T> {
  /** The skeleton's accessible name while the list loads, e.g. "Anrufe werden geladen". */
  loadingLabel?: string;
  loadingRows?: number;
  /** What the alert says when the read failed; the server's message by default. */
  error?: (error: unknown) => React.ReactNode;
  /** Offer "Erneut versuchen" under the error. */
  retry?: boolean;
  /** Paging below the body, for lists that are read page by page. */
  pager?: (data: T) => PagerProps;
  /** Body and pager inside a card of their own (when the page does not already put the list in one). */
  card?: boolean;
  /** The list itself: a table, or cards. */
  children: (data: T) => React.ReactNode;
}

type ListFrameProps<T> = ListSource<T> & ListEmptiness<T> & ListFrameOptions<T>;

/**
 * Every list of the dashboard: a skeleton while it loads, the failure as an alert, the empty
 * state, or the list with its pager.
 */
export function ListFrame<T>({ loadingLabel = "Liste wird geladen", loadingRows = 6, error = errorMessage, retry = false, isEmpty, empty, pager, card = false, children, ...source }: ListFrameProps<T>) {
  const { query } = source;
  if (query?.status === "pending") return <ListSkeleton label={loadingLabel} rows={loadingRows} />;
  if (query?.status === "error") {
    const alert = (
      <p role="alert" className="text-sm text-destructive">
        {error(query.error)}
      </p>
    );
    if (!retry) return alert;
    return (
      <div className="grid justify-items-start gap-3">
        {alert}
        <RetryButton onRetry={query.refetch} retrying={query.isFetching} />
      </div>
    );
  }
  const data = (query ? query.data : source.data) as T;
  if (empty && isEmpty?.(data)) {
    return (
      <EmptyState icon={empty.icon} title={empty.title}>
        {empty.text}
      </EmptyState>
    );
  }

  const body = children(data);
  const paging = pager && <Pager {...pager(data)} />;
  if (card) {
    return (
      <Card className="min-w-0">
        <CardContent className="grid gap-3 pt-5">
          {body}
          {paging}
        </CardContent>
      </Card>
    );
  }
  if (!paging) return body;
  return (
    <div className="grid gap-3">
      {body}
      {paging}
    </div>
  );
}

function ListSkeleton({ label, rows }: { label: string; rows: number }) {
  return (
    <div aria-busy="true" aria-label={label} className="grid gap-2">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-12 w-full" />
      ))}
    </div>
  );
}
