import type { DailyActivity } from "@/server/services/dashboard/daily-activity";
import { countAxis, counted } from "./chart-scale";

const W = 720;
const H = 220;
const PAD = { top: 12, right: 4, bottom: 26, left: 30 };

const calls = (n: number) => counted(n, "Anruf", "Anrufe");
const bookings = (n: number) => counted(n, "Buchung", "Buchungen");

/** Calls and bookings per day as grouped bars; the figures are also in the label and a table for screen readers. */
export function ActivityChart({ activity }: { activity: DailyActivity }) {
  const { days, totals } = activity;
  const { top, ticks } = countAxis(Math.max(0, ...days.map((d) => Math.max(d.calls, d.bookings))));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const groupW = plotW / days.length;
  const barW = Math.min(16, groupW * 0.34);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const label =
    `Säulendiagramm der letzten ${days.length} Tage: insgesamt ${calls(totals.calls)} und ${bookings(totals.bookings)}. ` +
    days.map((d) => `${d.label}: ${calls(d.calls)}, ${bookings(d.bookings)}`).join("; ");

  return (
    <figure className="grid gap-3">
      <div className="flex flex-wrap items-center gap-4 text-xs text-muted-foreground" aria-hidden>
        <span className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm bg-primary" /> Anrufe ({totals.calls.toLocaleString("de-DE")})
        </span>
        <span className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm bg-success" /> Buchungen ({totals.bookings.toLocaleString("de-DE")})
        </span>
      </div>
      <svg role="img" aria-label={label} viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" data-testid="activity-chart">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="stroke-border" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize={10} className="tabular fill-muted-foreground">
              {t}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const x = PAD.left + i * groupW;
          const center = x + groupW / 2;
          return (
            <g key={d.date}>
              <title>{`${d.weekday}, ${d.label}: ${calls(d.calls)}, ${bookings(d.bookings)}`}</title>
              {/* Hover target for the whole day, also where both bars are zero. */}
              <rect x={x} y={PAD.top} width={groupW} height={plotH} fill="transparent" />
              <rect x={center - barW - 1} y={y(d.calls)} width={barW} height={y(0) - y(d.calls)} rx={2} className="fill-primary" />
              <rect x={center + 1} y={y(d.bookings)} width={barW} height={y(0) - y(d.bookings)} rx={2} className="fill-success" />
              <text x={center} y={H - 8} textAnchor="middle" fontSize={10} className="tabular fill-muted-foreground">
                {d.label}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>Anrufe und Buchungen je Tag</caption>
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col">Anrufe</th>
            <th scope="col">Buchungen</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date}>
              <th scope="row">
                {d.weekday}, {d.label}
              </th>
              <td>{d.calls}</td>
              <td>{d.bookings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
