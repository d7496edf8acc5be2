/**
 * A recording link from a webhook is shown in the dashboard only when it is a plain https URL:
 * the sender controls the value, and `javascript:` or `data:` in a link would run on our page.
 */
export function shownRecordingUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}
