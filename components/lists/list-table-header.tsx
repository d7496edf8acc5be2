import { TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** The header of a list table: the column titles, then the row actions' column, named only for screen readers. */
export function ListTableHeader({ columns }: { columns: string[] }) {
  return (
    <TableHeader>
      <TableRow className="hover:bg-transparent">
        {columns.map((title) => (
          <TableHead key={title}>{title}</TableHead>
        ))}
        <TableHead>
          <span className="sr-only">Aktionen</span>
        </TableHead>
      </TableRow>
    </TableHeader>
  );
}
