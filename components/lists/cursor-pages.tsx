import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableBody } from "@/components/ui/table";
import { ListTableHeader, type ListColumn } from "./list-table-header";

/**
 * Paging by cursor for lists whose cursors only lead forward: remembers the cursors of the
 * pages before this one so "Zurück" can go back.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return {
    cursor: cursors[cursors.length - 1] ?? null,
    /** False once the user paged on (an empty page there is no empty list). */
    onFirstPage: cursors.length === 1,
    /** Back to the first page, e.g. after a filter changed. */
    reset: () => setCursors([null]),
    back: () => setCursors(cursors.slice(0, -1)),
    forward: (next: string | null) => setCursors([...cursors, next]),
  };
}

/** Zurück / Weiter under a cursor-paged list; hidden while there is only one page. */
export function CursorPager({ pages, nextCursor }: { pages: ReturnType<typeof useCursorPages>; nextCursor: string | null | undefined }) {
  if (pages.onFirstPage && !nextCursor) return null;
  return (
    <nav aria-label="Seiten" className="flex justify-end gap-2">
      <Button variant="outline" size="sm" disabled={pages.onFirstPage} onClick={pages.back}>
        Zurück
      </Button>
      <Button variant="outline" size="sm" disabled={!nextCursor} onClick={() => pages.forward(nextCursor ?? null)}>
        Weiter
      </Button>
    </nav>
  );
}

/** A cursor-paged list's page: the table in a card, the pager under it. */
export function CursorTable({
  label,
  columns,
  busy,
  pages,
  nextCursor,
  children,
}: {
  label: string;
  columns: ListColumn[];
  busy: boolean;
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null | undefined;
  /** The rows. */
  children: React.ReactNode;
}) {
  return (
    <Card className="min-w-0">
      <CardContent className="grid gap-4 px-2 pt-2 sm:px-5">
        <Table aria-label={label} aria-busy={busy}>
          <ListTableHeader columns={columns} actions={false} />
          <TableBody>{children}</TableBody>
        </Table>
        <CursorPager pages={pages} nextCursor={nextCursor} />
      </CardContent>
    </Card>
  );
}
