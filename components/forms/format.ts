/** German display formats for the dashboard, always in the company's zone Europe/Berlin. */
const TZ = "Europe/Berlin";

const dateFmt = new Intl.DateTimeFormat("de-DE", { timeZone: TZ, day: "2-digit", month: "2-digit", year: "numeric" });
const timeFmt = new Intl.DateTimeFormat("de-DE", { timeZone: TZ, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const euroFmt = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" });

type DateInput = Date | string | number;

/** dd.MM.yyyy */
export function formatDate(value: DateInput): string {
  return dateFmt.format(new Date(value));
}

/** HH:mm */
export function formatTime(value: DateInput): string {
  return timeFmt.format(new Date(value));
}

/** dd.MM.yyyy HH:mm */
export function formatDateTime(value: DateInput): string {
  return `${formatDate(value)} ${formatTime(value)}`;
}

/** 205 → "3:25 Min." */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null) return "–";
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")} Min.`;
}

/** 4900 → "49,00 €" */
export function formatEuro(cents: number | null | undefined): string {
  return cents == null ? "–" : euroFmt.format(cents / 100);
}
