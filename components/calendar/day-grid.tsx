"use client";

import Link from "next/link";
import { useState, type DragEvent } from "react";
import { STATUS_LABELS } from "@/components/appointments/labels";
import { cn } from "@/components/ui/utils";
import { CELL_WORDS, cellKind, gridRows, isBooked, nowPosition, rowSpan, wallClock, type CalendarAppointment, type CalendarData, type CellKind } from "./grid-math";
import { CELL_SHADES, STATUS_COLORS } from "./status-colors";

/** Height of one 15-minute row, in rem. */
const ROW_REM = 1.5;
/** The data type an appointment carries while dragged. */
const DRAG_TYPE = "application/x-askproai-appointment";

export interface GridColumn {
  /** null: the column of appointments without a staff member. */
  id: string | null;
  name: string;
}

export interface DayGridProps {
  data: CalendarData;
  date: string;
  now: Date | null;
  canBook: boolean;
  canChange: boolean;
  onBook: (column: GridColumn, time: string) => void;
  onMove: (appointment: CalendarAppointment, column: GridColumn, time: string) => void;
}

/** One day: a column per staff member, a row per quarter hour, appointments laid over their rows. */
export function DayGrid({ data, date, now, canBook, canChange, onBook, onMove }: DayGridProps) {
  const [dragging, setDragging] = useState<string | null>(null);
  const rows = gridRows(data.hours);
  const day = data.days.find((d) => d.date === date) ?? data.days[0];
  const appointments = data.appointments.filter((a) => a.date === date);
  const columns: Array<GridColumn & { days?: CalendarData["staff"][number]["days"] }> = data.staff.map((s) => ({ id: s.id, name: s.name, days: s.days }));
  if (appointments.some((a) => a.staff_id === null)) columns.push({ id: null, name: "Ohne Zuordnung" });
  const now_ = now ? nowPosition(now, date, data.branch.time_zone, data.hours) : null;
  const wallNow = now ? wallClock(now, data.branch.time_zone) : null;
  /** A quarter hour already begun cannot be booked any more. */
  const isPast = (time: string) => wallNow !== null && (date < wallNow.date || (date === wallNow.date && time <= wallNow.time));

  const drop = (column: GridColumn, time: string) => (event: DragEvent) => {
    event.preventDefault();
    const id = event.dataTransfer.getData(DRAG_TYPE) || dragging;
    setDragging(null);
    const appointment = data.appointments.find((a) => a.id === id);
    if (appointment && !(appointment.staff_id === column.id && appointment.date === date && appointment.start_time === time)) onMove(appointment, column, time);
  };
  const allowDrop = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
  };

  return (
    <div className="min-w-0 overflow-x-auto rounded-lg border bg-card" data-testid="calendar-grid">
      <div
        className="grid min-w-fit"
        style={{
          gridTemplateColumns: `4rem repeat(${Math.max(columns.length, 1)}, minmax(8.5rem, 1fr))`,
          gridTemplateRows: `2.75rem repeat(${rows.length}, ${ROW_REM}rem)`,
        }}
      >
        <div className="border-b border-r" style={{ gridColumn: 1, gridRow: 1 }} />
        {columns.map((column, c) => (
          <div
            key={column.id ?? "none"}
            data-testid="calendar-column"
            className="flex items-center justify-center border-b border-r px-2 text-center text-sm font-semibold"
            style={{ gridColumn: c + 2, gridRow: 1 }}
          >
            <span className="truncate">{column.name}</span>
          </div>
        ))}
        {rows.map((time, r) =>
          time.endsWith(":00") ? (
            <div key={time} className="tabular border-r border-t px-2 pt-0.5 text-right text-xs text-muted-foreground" style={{ gridColumn: 1, gridRow: `${r + 2} / span 4` }}>
              {time}
            </div>
          ) : null,
        )}
        {columns.map((column, c) =>
          rows.map((time, r) => {
            const staffDay = column.days?.find((d) => d.date === date);
            const kind: CellKind = column.id === null ? "outside" : cellKind(day, staffDay, time);
            const booked = isBooked(appointments, column.id, date, time);
            const past = kind === "free" && !booked && isPast(time);
            const label = `${time}, ${column.name}, ${booked ? "belegt" : past ? "vergangen" : CELL_WORDS[kind]}`;
            const place = { gridColumn: c + 2, gridRow: r + 2 };
            const lines = cn("border-r", time.endsWith(":00") ? "border-t" : "border-t border-t-border/40", CELL_SHADES[kind]);
            const dropProps = canChange ? { onDragOver: allowDrop, onDrop: drop(column, time) } : {};
            return kind === "free" && !booked && !past && canBook ? (
              <button
                key={`${column.id}-${time}`}
                type="button"
                aria-label={label}
                title={label}
                className={cn(lines, "focus-visible:relative focus-visible:z-20 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring")}
                style={place}
                onClick={() => onBook(column, time)}
                {...dropProps}
              />
            ) : (
              <div key={`${column.id}-${time}`} role="img" aria-label={label} title={label} className={lines} style={place} {...dropProps} />
            );
          }),
        )}
        {appointments.map((a) => {
          const c = columns.findIndex((column) => column.id === a.staff_id);
          const span = rowSpan(a.start_time, a.end_time, data.hours);
          if (c < 0 || !span) return null;
          const movable = canChange && a.status === "scheduled" && (!now || new Date(a.starts_at) > now);
          return (
            <Link
              key={a.id}
              href={`/termine/${a.id}`}
              data-testid="calendar-appointment"
              aria-label={`${a.start_time}–${a.end_time}, ${a.customer_name ?? "Ohne Namen"}, ${a.service}, ${STATUS_LABELS[a.status].label}`}
              draggable={movable}
              onDragStart={(event) => {
                event.dataTransfer.setData(DRAG_TYPE, a.id);
                event.dataTransfer.effectAllowed = "move";
                // After the drag image is taken: appointments let drops through to the cells beneath.
                setTimeout(() => setDragging(a.id), 0);
              }}
              onDragEnd={() => setDragging(null)}
              className={cn(
                "z-10 m-px flex min-w-0 flex-col overflow-hidden rounded-md border border-l-4 px-1.5 py-0.5 text-xs leading-tight shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                STATUS_COLORS[a.status],
                movable && "cursor-grab",
                dragging && "pointer-events-none",
                dragging === a.id && "opacity-50",
              )}
              style={{ gridColumn: c + 2, gridRow: `${span.row + 2} / span ${span.span}` }}
            >
              <span className="tabular font-semibold">
                {a.start_time}–{a.end_time}
              </span>
              <span className="truncate font-medium">{a.customer_name ?? "Ohne Namen"}</span>
              <span className="truncate">{a.service}</span>
            </Link>
          );
        })}
        {now_ !== null && (
          <div
            aria-hidden
            data-testid="now-line"
            className="pointer-events-none z-20 h-0.5 self-start bg-red-600"
            style={{ gridColumn: "2 / -1", gridRow: Math.floor(now_) + 2, marginTop: `${(now_ % 1) * ROW_REM}rem` }}
          />
        )}
      </div>
    </div>
  );
}
