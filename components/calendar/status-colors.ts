import type { CalendarAppointment } from "./grid-math";

/**
 * Each status's colours on the grid: dark text on a light tint (contrast well above 4.5:1) and
 * a strong left border, so the status shows without relying on the tint alone.
 */
export const STATUS_COLORS: Record<CalendarAppointment["status"], string> = {
  scheduled: "border-l-sky-700 bg-sky-100 text-sky-950",
  completed: "border-l-emerald-700 bg-emerald-100 text-emerald-950",
  no_show: "border-l-amber-700 bg-amber-100 text-amber-950",
  cancelled: "border-l-zinc-500 bg-zinc-100 text-zinc-900 line-through",
};

/** The shading of cells that cannot be booked; free cells stay plain. */
export const CELL_SHADES = {
  free: "bg-card hover:bg-accent",
  outside: "bg-muted",
  break: "bg-[repeating-linear-gradient(135deg,hsl(var(--muted))_0_6px,hsl(var(--border))_6px_8px)]",
  absent: "bg-[repeating-linear-gradient(45deg,#fef3c7_0_6px,#fde68a_6px_8px)]",
  closed: "bg-[repeating-linear-gradient(135deg,hsl(var(--muted))_0_4px,hsl(var(--border))_4px_8px)]",
} as const;
