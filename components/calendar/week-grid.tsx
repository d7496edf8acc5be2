"use client";

import { Plus } from "lucide-react";
import Link from "next/link";
import { STATUS_LABELS } from "@/components/appointments/labels";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/utils";
import { shortDayLabel } from "./calendar-url";
import type { CalendarData, StaffDay } from "./grid-math";
import { CELL_SHADES, STATUS_COLORS } from "./status-colors";

/** A week: a row per staff member, a column per day; each cell lists the working hours, absences and appointments. */
export function WeekGrid({
  data,
  today,
  canBook,
  onOpenDay,
  onBook,
}: {
  data: CalendarData;
  today: string;
  canBook: boolean;
  onOpenDay: (date: string) => void;
  onBook: (staff: { id: string; name: string }, date: string) => void;
}) {
  return (
    <div className="min-w-0 overflow-x-auto rounded-lg border bg-card" data-testid="calendar-week">
      <table className="w-full min-w-[52rem] table-fixed border-collapse text-sm">
        <caption className="sr-only">Wochenübersicht je Mitarbeitenden</caption>
        <thead>
          <tr>
            <th scope="col" className="w-32 border-b p-2 text-left font-semibold">
              Mitarbeitende
            </th>
            {data.days.map((day) => (
              <th key={day.date} scope="col" className={cn("border-b border-l p-1 text-center font-semibold", day.date === today && "bg-sky-50")}>
                <Button variant="link" size="sm" className="h-auto p-0" onClick={() => onOpenDay(day.date)} aria-label={`${shortDayLabel(day.date)} als Tag öffnen`}>
                  {shortDayLabel(day.date).slice(0, -5)}
                </Button>
                {day.closed && <div className="text-xs font-normal text-muted-foreground">{day.closed_reason}</div>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowsOf(data).map((member) => (
            <tr key={member.id ?? "none"}>
              <th scope="row" className="border-b p-2 text-left align-top font-medium">
                {member.name}
              </th>
              {data.days.map((day, i) => {
                const own = member.days[i];
                const list = data.appointments.filter((a) => a.staff_id === member.id && a.date === day.date);
                const off = day.closed ? "closed" : own.working.length === 0 ? (own.absences.length > 0 ? "absent" : "outside") : null;
                return (
                  <td key={day.date} className={cn("h-24 border-b border-l p-1 align-top", off ? CELL_SHADES[off] : "bg-card")}>
                    <div className="flex items-start justify-between gap-1">
                      <span className="tabular text-xs text-muted-foreground">
                        {own.working.length > 0 ? `${own.working[0].start}–${own.working.at(-1)!.end}` : day.closed ? "geschlossen" : "frei"}
                      </span>
                      {canBook && !off && member.id && (
                        <Button
                          variant="ghost"
                          size="icon"
                          className="size-6"
                          aria-label={`${shortDayLabel(day.date)}, ${member.name}, Termin anlegen`}
                          onClick={() => onBook({ id: member.id!, name: member.name }, day.date)}
                        >
                          <Plus aria-hidden />
                        </Button>
                      )}
                    </div>
                    {own.absences.map((absence) => (
                      <div key={absence.starts_at} className="tabular text-xs text-amber-950">
                        abwesend {absence.start}–{absence.end}
                      </div>
                    ))}
                    <ul className="mt-1 grid gap-0.5">
                      {list.map((a) => (
                        <li key={a.id}>
                          <Link
                            href={`/termine/${a.id}`}
                            data-testid="calendar-appointment"
                            aria-label={`${shortDayLabel(a.date)}, ${a.start_time}–${a.end_time}, ${a.customer_name ?? "Ohne Namen"}, ${a.service}, ${STATUS_LABELS[a.status].label}`}
                            className={cn("block truncate rounded border-l-4 px-1 py-0.5 text-xs focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring", STATUS_COLORS[a.status])}
                          >
                            <span className="tabular font-semibold">{a.start_time}</span> {a.customer_name ?? "Ohne Namen"}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Row = { id: string | null; name: string; days: StaffDay[] };

/** The staff rows, and one for appointments without a staff member when the week has any. */
function rowsOf(data: CalendarData): Row[] {
  if (!data.appointments.some((a) => a.staff_id === null)) return data.staff;
  return [...data.staff, { id: null, name: "Ohne Zuordnung", days: data.days.map((d) => ({ date: d.date, working: [], absences: [] })) }];
}
