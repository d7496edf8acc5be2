import {
  BookOpen,
  Bot,
  Bug,
  CalendarDays,
  Contact,
  FlaskConical,
  KeyRound,
  LayoutDashboard,
  ListTodo,
  MessageSquareText,
  Phone,
  PhoneCall,
  PhoneForwarded,
  Rocket,
  ScrollText,
  Settings,
  SlidersHorizontal,
  Users,
  Webhook,
  Workflow,
  type LucideIcon,
} from "lucide-react";

export type Role = "admin" | "staff";

export interface NavItem {
  key: string;
  title: string;
  href: string;
  icon: LucideIcon;
  /** Hidden for staff; the page itself refuses staff as well. */
  adminOnly: boolean;
  /** One sentence shown under the page heading. */
  description: string;
}

/** The dashboard's sections, in sidebar order. Page headings read their title and description from here. */
export const NAV_ITEMS = [
  {
    key: "uebersicht",
    title: "Übersicht",
    href: "/uebersicht",
    icon: LayoutDashboard,
    adminOnly: false,
    description: "Termine, Kundschaft und Anrufe Ihres Betriebs auf einen Blick.",
  },
  {
    key: "termine",
    title: "Termine",
    href: "/termine",
    icon: CalendarDays,
    adminOnly: false,
    description: "Gebuchte, verschobene und stornierte Termine aller Filialen.",
  },
  {
    key: "anrufe",
    title: "Anrufe",
    href: "/anrufe",
    icon: PhoneCall,
    adminOnly: false,
    description: "Gespräche des Telefonassistenten mit Zusammenfassung, Ergebnis und Transkript.",
  },
  {
    key: "rueckrufe",
    title: "Rückrufe",
    href: "/rueckrufe",
    icon: PhoneForwarded,
    adminOnly: false,
    description: "Anrufe, die einen Rückruf brauchen: zurückrufen, Termin anlegen, als erledigt oder nicht erreicht markieren.",
  },
  {
    key: "kunden",
    title: "Kunden",
    href: "/kunden",
    icon: Contact,
    adminOnly: false,
    description: "Kundinnen und Kunden mit Besuchen, Anrufen und Einwilligungen: suchen, bearbeiten, zusammenführen, Daten herausgeben oder löschen.",
  },
  {
    key: "retell",
    title: "Retell-Konfiguration",
    href: "/retell",
    icon: SlidersHorizontal,
    adminOnly: true,
    description: "Webhook-Adresse, gemeldete Ereignisse und Verbindungstest für Ihr Retell-Konto.",
  },
  {
    key: "funktionen",
    title: "Funktionen",
    href: "/funktionen",
    icon: Workflow,
    adminOnly: true,
    description: "Funktionen, die der Telefonassistent während eines Gesprächs aufrufen kann.",
  },
  {
    key: "funktionstest",
    title: "Funktionstest",
    href: "/funktionstest",
    icon: FlaskConical,
    adminOnly: true,
    description: "Eine Funktion so aufrufen, wie es der Telefonassistent tut: sehen, was er erhält und sagt – ohne zu buchen, bis Sie es bestätigen.",
  },
  {
    key: "agenten",
    title: "Agenten & Nummern",
    href: "/agenten",
    icon: Bot,
    adminOnly: true,
    description: "Retell-Agenten, ihre Versionen und die zugeordneten Telefonnummern.",
  },
  {
    key: "rufnummern",
    title: "Rufnummern",
    href: "/rufnummern",
    icon: Phone,
    adminOnly: true,
    description: "Über welche Rufnummer Anrufe bei welcher Filiale ankommen: hinzufügen, aus Retell übernehmen, pausieren oder entfernen.",
  },
  {
    key: "api-tokens",
    title: "API-Tokens",
    href: "/api-tokens",
    icon: KeyRound,
    adminOnly: true,
    description: "Zugangsschlüssel für Systeme, die AskProAI über die Schnittstelle ansprechen.",
  },
  {
    key: "benutzer",
    title: "Benutzer",
    href: "/benutzer",
    icon: Users,
    adminOnly: true,
    description: "Wer sich im Dashboard anmelden darf: Zugänge anlegen, Rollen ändern, deaktivieren und Links zum Festlegen des Passworts.",
  },
  {
    key: "wissen",
    title: "Wissen",
    href: "/wissen",
    icon: BookOpen,
    adminOnly: false,
    description: "Antworten auf häufige Fragen, die der Telefonassistent im Gespräch gibt.",
  },
  {
    key: "warteschlange",
    title: "Warteschlange",
    href: "/warteschlange",
    icon: ListTodo,
    adminOnly: false,
    description: "Hintergrundaufträge wie Terminbestätigungen per E-Mail und ihr Zustellstatus.",
  },
  {
    key: "nachrichten",
    title: "Nachrichten",
    href: "/nachrichten",
    icon: MessageSquareText,
    adminOnly: true,
    description: "Bestätigungen und Erinnerungen per SMS und E-Mail: SMS-Anbieter, Vorlagen und Erinnerungszeiten.",
  },
  {
    key: "fehler",
    title: "Fehler",
    href: "/fehler",
    icon: Bug,
    adminOnly: true,
    description: "Unerwartete Fehler der Anwendung, ohne personenbezogene Daten: aus Sentry, wenn eingerichtet, sonst aus dem Protokoll der App.",
  },
  {
    key: "protokoll",
    title: "Protokoll",
    href: "/protokoll",
    icon: ScrollText,
    adminOnly: true,
    description: "Wer wann was geändert hat: Buchungen, Einstellungen, Schlüssel und Zugänge.",
  },
  {
    key: "webhook-ereignisse",
    title: "Webhook-Ereignisse",
    href: "/webhook-ereignisse",
    icon: Webhook,
    adminOnly: true,
    description: "Von Retell und Cal.com empfangene Ereignisse, ihr Verarbeitungsstand und Fehler; fehlgeschlagene erneut verarbeiten.",
  },
  {
    key: "einstellungen",
    title: "Einstellungen",
    href: "/einstellungen",
    icon: Settings,
    adminOnly: true,
    description: "Firma und Buchungsregeln, Filialen mit Öffnungszeiten, Leistungen, Mitarbeitende, Kalender, Retell-Schlüssel und SMS-Anbieter.",
  },
  {
    key: "erste-schritte",
    title: "Erste Schritte",
    href: "/erste-schritte",
    icon: Rocket,
    adminOnly: true,
    description: "Der Weg zum ersten Anruf: Filiale, Leistungen, Mitarbeitende, Retell, Rufnummer und Agent, Schritt für Schritt.",
  },
] as const satisfies readonly NavItem[];

export type NavKey = (typeof NAV_ITEMS)[number]["key"];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => role === "admin" || !item.adminOnly);
}

export function navItem(key: NavKey): NavItem {
  return NAV_ITEMS.find((item) => item.key === key)!;
}

/** The section a path belongs to: "/termine/123" → Termine. */
export function isActive(item: NavItem, pathname: string): boolean {
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}

export const ROLE_LABELS: Record<Role, string> = { admin: "Administration", staff: "Team" };
