import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { listTemplates, previewTemplate, resetTemplate, updateTemplate } from "./service";

/**
 * The wording of the messages customers get (Bestätigung, Änderung, Absage, Erinnerung) per
 * channel. Without a text of its own a company sends the built-in German default.
 */
export const messagingTemplatesServer = defineServer({
  name: "messaging.templates",
  version: "1.0.0",
  description: "Texte der Kundennachrichten (SMS und E-Mail) mit Platzhaltern: ansehen, ändern, auf den Standard zurücksetzen, Vorschau.",
  methods: [
    defineMethod({
      name: "messaging.templates.list",
      description:
        "Alle Vorlagen je Kanal (sms, email) und Art (confirmation, change, cancellation, reminder): der eigene Text oder der Standard (is_default), dazu Beispielwerte für die Vorschau.",
      params: s.empty,
      result: s.listResult,
      kind: "read",
      handler: (ctx) => listTemplates(ctx),
    }),
    defineMethod({
      name: "messaging.templates.update",
      description:
        "Speichert den eigenen Text einer Vorlage. Platzhalter: {name} {datum} {uhrzeit} {leistung} {mitarbeiter} {filiale} {adresse} {betrieb}; unbekannte werden abgelehnt. SMS höchstens 640 Zeichen, E-Mail mit Betreff.",
      params: s.updateParams,
      result: s.updateResult,
      kind: "write",
      audit: { entity: "message_template", id: (p) => `${p?.channel}:${p?.kind}` },
      roles: ["admin"],
      configuration: true,
      handler: updateTemplate,
    }),
    defineMethod({
      name: "messaging.templates.reset",
      description: "Setzt eine Vorlage auf den eingebauten Standardtext zurück.",
      params: s.resetParams,
      result: s.resetResult,
      kind: "write",
      audit: { entity: "message_template", id: (p) => `${p?.channel}:${p?.kind}` },
      roles: ["admin"],
      configuration: true,
      handler: resetTemplate,
    }),
    defineMethod({
      name: "messaging.templates.preview",
      description:
        "Füllt einen Entwurf mit Beispielwerten (Anna Beispiel, morgen 10:00 Uhr, erste Leistung und Filiale); bei SMS mit Länge, Zeichensatz und Anzahl der Teile; nennt Fehler, statt abzulehnen.",
      params: s.previewParams,
      result: s.previewResult,
      kind: "read",
      handler: previewTemplate,
    }),
  ],
});
