import type { TimeRange, WeekRanges } from "./hours-editor";
import { WEEK_ORDER, WEEKDAY_SHORT } from "./weekdays";

/** "Mo–Fr 09:00–18:00 · Sa 09:00–14:00" for lists; days without ranges are left out. */
export function summarizeWeek(week: WeekRanges): string {
  const text = (ranges: TimeRange[] | undefined) => (ranges ?? []).map((r) => `${r.start}–${r.end}`).join(", ");
  const groups: Array<{ from: string; to: string; text: string }> = [];
  for (const day of WEEK_ORDER) {
    const t = text(week[day]);
    const last = groups.at(-1);
    if (last && last.text === t) last.to = WEEKDAY_SHORT[day];
    else groups.push({ from: WEEKDAY_SHORT[day], to: WEEKDAY_SHORT[day], text: t });
  }
  const open = groups.filter((g) => g.text !== "");
  if (open.length === 0) return "Keine Zeiten hinterlegt";
  return open.map((g) => `${g.from === g.to ? g.from : `${g.from}–${g.to}`} ${g.text}`).join(" · ");
}
