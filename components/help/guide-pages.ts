/**
 * The pages of the user guide (`docs/handbuch/*.md`), in reading order, and which page helps
 * with which dashboard section. Pure data: the help menu (a client component) reads it too.
 */
export interface GuidePage {
  /** The address under /hilfe; "" is the guide's start page. */
  slug: string;
  /** The markdown file in docs/handbuch/. */
  file: string;
  title: string;
}

export const GUIDE_PAGES = [
  { slug: "", file: "README.md", title: "Übersicht des Handbuchs" },
  { slug: "erste-schritte", file: "erste-schritte.md", title: "Erste Schritte" },
  { slug: "retell-verbinden", file: "retell-verbinden.md", title: "Retell verbinden" },
  { slug: "calcom-verbinden", file: "calcom-verbinden.md", title: "Cal.com verbinden" },
  { slug: "funktionen", file: "funktionen.md", title: "Funktionen des Telefonassistenten" },
  { slug: "nachrichten", file: "nachrichten.md", title: "Bestätigungen und Erinnerungen" },
  { slug: "kunden", file: "kunden.md", title: "Kunden, Rückrufe und Datenschutz" },
  { slug: "fehlerbehebung", file: "fehlerbehebung.md", title: "Fehlerbehebung" },
  { slug: "api", file: "api.md", title: "Schnittstelle für Entwickler" },
] as const satisfies readonly GuidePage[];

export const HELP_BASE = "/hilfe";

export function guidePageHref(slug: string, anchor?: string): string {
  return `${slug ? `${HELP_BASE}/${slug}` : HELP_BASE}${anchor ? `#${anchor}` : ""}`;
}

export function guidePageBySlug(slug: string): GuidePage | undefined {
  return GUIDE_PAGES.find((p) => p.slug === slug);
}

/** The guide page (and section) that explains a dashboard page; the anchors are the headings' ids. */
const CONTEXT_HELP: ReadonlyArray<{ path: string; slug: string; anchor?: string }> = [
  { path: "/erste-schritte", slug: "erste-schritte", anchor: "die-seite-erste-schritte" },
  { path: "/einstellungen", slug: "erste-schritte", anchor: "filiale-und-öffnungszeiten" },
  { path: "/benutzer", slug: "erste-schritte", anchor: "benutzer-anlegen" },
  { path: "/retell", slug: "retell-verbinden", anchor: "webhook-adresse-eintragen" },
  { path: "/rufnummern", slug: "retell-verbinden", anchor: "rufnummern-übernehmen" },
  { path: "/agenten", slug: "retell-verbinden", anchor: "agent-einrichten" },
  { path: "/funktionstest", slug: "funktionen", anchor: "funktionen-ausprobieren-funktionstest" },
  { path: "/funktionen", slug: "funktionen" },
  { path: "/nachrichten", slug: "nachrichten" },
  { path: "/api-tokens", slug: "api" },
  { path: "/uebersicht", slug: "fehlerbehebung", anchor: "meldungen-der-übersicht" },
  { path: "/anrufe", slug: "retell-verbinden", anchor: "probeanruf-und-funktionstest" },
  { path: "/wissen", slug: "erste-schritte", anchor: "wissen-antworten-auf-häufige-fragen" },
  { path: "/warteschlange", slug: "nachrichten", anchor: "ist-die-nachricht-angekommen" },
  { path: "/konto", slug: "erste-schritte", anchor: "benutzer-anlegen" },
  { path: "/protokoll", slug: "erste-schritte", anchor: "protokoll-wer-hat-was-geändert" },
  { path: "/fehler", slug: "fehlerbehebung" },
  { path: "/kunden", slug: "kunden" },
  { path: "/rueckrufe", slug: "kunden", anchor: "rückrufe-bearbeiten" },
  { path: "/webhook-ereignisse", slug: "calcom-verbinden", anchor: "webhook-ereignisse-prüfen-und-erneut-verarbeiten" },
];

/** Help for the page at `pathname` ("/retell", "/termine/123"); undefined where the guide has none. */
export function contextHelpFor(pathname: string): { title: string; href: string } | undefined {
  const hit = CONTEXT_HELP.find((c) => pathname === c.path || pathname.startsWith(`${c.path}/`));
  const page = hit && guidePageBySlug(hit.slug);
  return hit && page ? { title: page.title, href: guidePageHref(page.slug, hit.anchor) } : undefined;
}

/** Every context link, for the test that they all lead somewhere. */
export function allContextHelp(): ReadonlyArray<{ path: string; href: string }> {
  return CONTEXT_HELP.map((c) => ({ path: c.path, href: guidePageHref(c.slug, c.anchor) }));
}

export interface HelpMenuEntry {
  label: string;
  href: string;
  /** Help for the page being looked at, listed first. */
  context?: boolean;
}

/** The help menu's entries on the page at `pathname`: context help (if any), then every guide page. */
export function helpMenuEntries(pathname: string): HelpMenuEntry[] {
  const context = contextHelpFor(pathname);
  return [
    ...(context ? [{ label: `Hilfe zu dieser Seite: ${context.title}`, href: context.href, context: true }] : []),
    ...GUIDE_PAGES.map((p) => ({ label: p.title, href: guidePageHref(p.slug) })),
  ];
}
