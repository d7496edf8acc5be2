/**
 * The Protokoll's words: what each audited method did, in German, the action groups of its
 * filter, and what each entity is called and where the dashboard shows it. Shared by the
 * server (rows, filters) and the page (filter options); imports nothing.
 */

export type ActorType = "user" | "token" | "retell" | "calcom" | "system";

export const ACTOR_TYPE_LABELS: Record<ActorType, string> = {
  user: "Benutzer",
  token: "API-Token",
  retell: "Telefonassistent",
  calcom: "Cal.com",
  system: "System",
};

/** Method name → what happened. Rows of methods not named here show the method name. */
export const ACTION_LABELS: Record<string, string> = {
  "appointments.book": "Termin gebucht",
  "appointments.change": "Termin verschoben",
  "appointments.cancel": "Termin storniert",
  "appointments.setStatus": "Terminstatus geändert",
  "appointments.update": "Termin bearbeitet",
  "calcom.createBooking": "Termin über Cal.com gebucht",
  "calcom.updateBooking": "Termin über Cal.com verschoben",
  "calcom.cancelBooking": "Termin über Cal.com storniert",
  "calcom.testConnection": "Kalenderverbindung getestet",
  "calcom.updateConnection": "Kalenderverbindung geändert",
  "customer.setMessagePreferences": "Nachrichten-Einwilligung geändert",
  "customer.update": "Kunde bearbeitet",
  "customer.merge": "Kunden zusammengeführt",
  "privacy.eraseCustomer": "Kundendaten gelöscht",
  "privacy.exportCustomer": "Kundendaten herausgegeben",
  "privacy.applyRetention": "Aufbewahrungsfrist angewandt",
  "company.update": "Firmenname geändert",
  "company.updateSettings": "Buchungsregeln geändert",
  "branch.create": "Filiale angelegt",
  "branch.update": "Filiale bearbeitet",
  "branch.setSpecialDay": "Sonderöffnungszeit festgelegt",
  "branch.removeSpecialDay": "Sonderöffnungszeit entfernt",
  "service.create": "Leistung angelegt",
  "service.update": "Leistung bearbeitet",
  "staff.create": "Mitarbeitende angelegt",
  "staff.update": "Mitarbeitende bearbeitet",
  "staff.addAbsence": "Abwesenheit eingetragen",
  "staff.removeAbsence": "Abwesenheit entfernt",
  "knowledge.upsert": "Wissenseintrag gespeichert",
  "knowledge.delete": "Wissenseintrag gelöscht",
  "messaging.updateSmsSettings": "SMS-Einstellungen geändert",
  "messaging.sendTestSms": "Test-SMS gesendet",
  "messaging.delivery.updateReminderSettings": "Erinnerungen eingestellt",
  "messaging.templates.update": "Nachrichtenvorlage geändert",
  "messaging.templates.reset": "Nachrichtenvorlage zurückgesetzt",
  "phone.add": "Rufnummer hinzugefügt",
  "phone.update": "Rufnummer bearbeitet",
  "phone.remove": "Rufnummer entfernt",
  "phone.importFromRetell": "Rufnummern aus Retell übernommen",
  "queue.retry": "Auftrag wiederholt",
  "queue.cancel": "Auftrag abgebrochen",
  "retell.config.updateWebhookSettings": "Webhook-Einstellungen geändert",
  "retell.config.createCustomFunction": "Funktion angelegt",
  "retell.config.updateCustomFunction": "Funktion bearbeitet",
  "retell.config.deleteCustomFunction": "Funktion gelöscht",
  "retell.config.deployFunctions": "Funktionen übertragen",
  "retell.config.testWebhook": "Webhook getestet",
  "retell.config.setApiKey": "Retell-Schlüssel hinterlegt",
  "retell.config.rotateApiKey": "Retell-Schlüssel gewechselt",
  "retell.config.revealApiKey": "Retell-Schlüssel angezeigt",
  "retell.function.execute": "Funktion im Anruf ausgeführt",
  "retell.function.test": "Funktion getestet",
  "retell.publishAgentVersion": "Agentenversion veröffentlicht",
  "retell.setPhoneNumberAgentVersion": "Agentenversion einer Rufnummer zugewiesen",
  "retell.setupAgent": "Telefonassistent eingerichtet",
  "retell.setPromptInstructions": "Anweisungen des Assistenten geändert",
  "sentry.resolveIssue": "Fehlerstatus geändert",
  "stripe.updateSettings": "Zahlungseinstellungen geändert",
  "stripe.createDepositLink": "Anzahlungslink erstellt",
  "stripe.refund": "Zahlung erstattet",
  "stripe.createCardSetupLink": "Link zur Kartenhinterlegung erstellt",
  "stripe.chargeNoShowFee": "Ausfallgebühr berechnet",
  "user.create": "Benutzer angelegt",
  "user.created": "Benutzer eingeladen",
  "user.update": "Benutzer bearbeitet",
  "user.updated": "Benutzerdaten geändert",
  "user.deactivate": "Benutzer deaktiviert",
  "user.deactivated": "Benutzer deaktiviert (Sitzungen beendet)",
  "user.activate": "Benutzer aktiviert",
  "user.activated": "Benutzer wieder aktiviert",
  "user.resetPasswordLink": "Link zum Passwortsetzen erstellt",
  "user.reset_link_issued": "Link zum Passwortsetzen ausgegeben",
  "user.changeOwnPassword": "Eigenes Passwort geändert",
  "user.password_changed": "Passwort geändert",
  "user.password_set_with_link": "Passwort über Link gesetzt",
  "tokens.create": "API-Token erstellt",
  "tokens.revoke": "API-Token widerrufen",
  "webhook.processEvent": "Webhook-Ereignis verarbeitet",
  "webhook.replayEvent": "Webhook-Ereignis erneut verarbeitet",
  "webhook.setTaskStatus": "Rückruf-Status geändert",
  "database.export": "Daten exportiert",
  "company.create": "Firma eingerichtet",
  "notifications.markSeen": "Benachrichtigungen gelesen",
};

export function actionLabel(method: string): string {
  return ACTION_LABELS[method] ?? method;
}

/**
 * The filter's action groups: a row belongs to a group when its method is listed or starts
 * with a listed prefix (ending in ".").
 */
export const ACTION_GROUPS = [
  { value: "termin_gebucht", label: "Termin gebucht", methods: ["appointments.book", "calcom.createBooking"] },
  { value: "termin_geaendert", label: "Termin geändert", methods: ["appointments.change", "appointments.update", "appointments.setStatus", "calcom.updateBooking"] },
  { value: "termin_storniert", label: "Termin storniert", methods: ["appointments.cancel", "calcom.cancelBooking"] },
  { value: "kunden", label: "Kundendaten", methods: ["customer.", "privacy."] },
  { value: "rueckrufe", label: "Rückrufe", methods: ["webhook.setTaskStatus"] },
  { value: "benutzer", label: "Benutzer und Passwörter", methods: ["user."] },
  { value: "schluessel", label: "Schlüssel und API-Tokens", methods: ["tokens.", "retell.config.revealApiKey", "retell.config.setApiKey", "retell.config.rotateApiKey", "stripe.updateSettings", "messaging.updateSmsSettings", "calcom.updateConnection"] },
  { value: "einstellungen", label: "Einstellungen", methods: ["company.", "branch.", "service.", "staff.", "knowledge.", "phone.", "messaging.", "calcom.updateConnection", "calcom.testConnection"] },
  { value: "telefonassistent", label: "Telefonassistent und Retell", methods: ["retell."] },
  { value: "zahlungen", label: "Zahlungen", methods: ["stripe."] },
  { value: "webhooks", label: "Webhook-Ereignisse", methods: ["webhook.processEvent", "webhook.replayEvent"] },
  { value: "export", label: "Datenexport", methods: ["database.export", "privacy.exportCustomer"] },
] as const;

export type ActionGroup = (typeof ACTION_GROUPS)[number]["value"];

interface EntityKind {
  /** Singular German name, shown as "Bereich". */
  label: string;
  /** The dashboard page that shows it; null: none. */
  href: (id: string | null) => string | null;
}

const page = (path: string) => () => path;
const settings = (section: string) => page(`/einstellungen?bereich=${section}`);

/** Entity type (as methods declare it in `audit.entity`) → German name and link target. */
export const ENTITY_KINDS: Record<string, EntityKind> = {
  appointment: { label: "Termin", href: (id) => (id ? `/termine/${encodeURIComponent(id)}` : "/termine") },
  customer: { label: "Kunde", href: (id) => (id ? `/kunden/${encodeURIComponent(id)}` : "/kunden") },
  call: { label: "Anruf", href: (id) => (id ? `/anrufe/${encodeURIComponent(id)}` : "/anrufe") },
  task: { label: "Rückruf", href: page("/rueckrufe") },
  user: { label: "Benutzer", href: page("/benutzer") },
  api_token: { label: "API-Token", href: page("/api-tokens") },
  webhook_event: { label: "Webhook-Ereignis", href: (id) => (id ? `/webhook-ereignisse?id=${encodeURIComponent(id)}` : "/webhook-ereignisse") },
  company: { label: "Firma", href: settings("firma") },
  branch: { label: "Filiale", href: settings("filialen") },
  special_day: { label: "Sonderöffnungszeit", href: settings("filialen") },
  service: { label: "Leistung", href: settings("leistungen") },
  staff: { label: "Mitarbeitende", href: settings("mitarbeitende") },
  absence: { label: "Abwesenheit", href: settings("mitarbeitende") },
  calcom: { label: "Kalender", href: settings("kalender") },
  messaging: { label: "Nachrichten-Einstellungen", href: settings("nachrichten") },
  stripe: { label: "Zahlungen", href: settings("zahlungen") },
  message_template: { label: "Nachrichtenvorlage", href: page("/nachrichten") },
  knowledge: { label: "Wissenseintrag", href: page("/wissen") },
  phone_number: { label: "Rufnummer", href: page("/rufnummern") },
  outbox_job: { label: "Auftrag", href: page("/warteschlange") },
  retell: { label: "Retell-Verbindung", href: page("/retell") },
  custom_function: { label: "Funktion", href: page("/funktionen") },
  retell_agent: { label: "Agent", href: page("/agenten") },
  error_issue: { label: "Fehler", href: (id) => (id ? `/fehler/${encodeURIComponent(id)}` : "/fehler") },
};

/** The "Bereich" filter's options, in this order. */
export const ENTITY_FILTER_TYPES = ["appointment", "customer", "call", "task", "user", "api_token", "webhook_event", "company", "branch", "service", "staff", "messaging", "stripe", "calcom", "retell", "knowledge", "phone_number"] as const;

export function entityLabel(type: string): string {
  return ENTITY_KINDS[type]?.label ?? type;
}

export function entityHref(type: string, id: string | null): string | null {
  return ENTITY_KINDS[type]?.href(id) ?? null;
}
