// On paper only the page's content: no sidebar, header, controls marked data-print-hidden or
// toasts, and none of the screen layout's margins.
const PRINT_CSS = `@media print {
  aside, header, [data-sonner-toaster], [data-print-hidden] { display: none !important; }
  div:has(> main) { padding-left: 0 !important; }
  main { max-width: none !important; padding: 0 !important; }
  body { background: white !important; }
}`;

/** Rendered by a printable page (Tagesplan, Datenblatt) so printing leaves out the dashboard around it. */
export function PrintOnlyContent() {
  return <style>{PRINT_CSS}</style>;
}
