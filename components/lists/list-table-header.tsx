import { TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** A column title, with classes for alignment or for hiding it on narrow screens. */
export type ListColumn = string | { title: string; className?: string };

/**
 * The header of a list table: the column titles, then (unless `actions` is false) the row
 * actions' column, named only for screen readers.
 */
export function ListTableHeader({ columns, actions = true }: { columns: ListColumn[]; actions?: boolean }) {
  return (
    <TableHeader>
      <TableRow className="hover:bg-transparent">
        {columns.map((column) => {
          const { title, className } = typeof column === "string" ? { title: column, className: undefined } : column;
          return (
            <TableHead key={title} className={className}>
              {title}
            </TableHead>
          );
        })}
        {actions && (
          <TableHead>
            <span className="sr-only">Aktionen</span>
          </TableHead>
        )}
      </TableRow>
    </TableHeader>
  );
}
