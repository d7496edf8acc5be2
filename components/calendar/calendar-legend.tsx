import { cn } from "@/components/ui/utils";
import { CELL_SHADES, STATUS_COLORS } from "./status-colors";

const ITEMS: Array<[string, string]> = [
  ["Geplant", cn("border-l-4", STATUS_COLORS.scheduled)],
  ["Erledigt", cn("border-l-4", STATUS_COLORS.completed)],
  ["Nicht erschienen", cn("border-l-4", STATUS_COLORS.no_show)],
  ["Pause", CELL_SHADES.break],
  ["Abwesend", CELL_SHADES.absent],
  ["Nicht im Dienst", CELL_SHADES.outside],
];

/** What the colours and shadings of the grid mean. */
export function CalendarLegend() {
  return (
    <ul aria-label="Legende" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
      {ITEMS.map(([label, swatch]) => (
        <li key={label} className="flex items-center gap-1.5">
          <span aria-hidden className={cn("inline-block size-3.5 rounded-sm border", swatch)} />
          {label}
        </li>
      ))}
    </ul>
  );
}
