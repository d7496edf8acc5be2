import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { getReminderSettings, listForAppointment, listMessages, updateReminderSettings } from "./service";

export const messagingDeliveryServer = defineServer({
  name: "messaging.delivery",
  version: "1.0.0",
  description: "Nachrichten an Kundinnen und Kunden (Bestätigung, Änderung, Absage, Erinnerung) mit Zustellstatus, und die Einstellungen der Erinnerungen.",
  methods: [
    defineMethod({
      name: "messaging.delivery.listForAppointment",
      description: "Listet die Nachrichten zu einem Termin mit Kanal, Empfänger, Zustand und Fehlergrund, dazu die Abmeldungen des Kunden (keine SMS, keine E-Mails).",
      params: s.listForAppointmentParams,
      result: s.listForAppointmentResult,
      kind: "read",
      handler: listForAppointment,
    }),
    defineMethod({
      name: "messaging.delivery.list",
      description: "Listet die letzten Nachrichten der Firma, optional nur die eines Zustands (queued, sent, delivered, failed, suppressed).",
      params: s.listParams,
      result: s.listResult,
      kind: "read",
      handler: listMessages,
    }),
    defineMethod({
      name: "messaging.delivery.getReminderSettings",
      description: "Liefert die Erinnerungen der Firma: Zeitpunkte vor dem Termin, E-Mail- und SMS-Erinnerungen an oder aus, Ruhezeit für SMS.",
      params: s.getReminderSettingsParams,
      result: s.getReminderSettingsResult,
      kind: "read",
      roles: ["admin"],
      configuration: true,
      handler: getReminderSettings,
    }),
    defineMethod({
      name: "messaging.delivery.updateReminderSettings",
      description: "Ändert die Erinnerungen der Firma; gilt für Termine, die ab jetzt gebucht oder verschoben werden.",
      params: s.updateReminderSettingsParams,
      result: s.updateReminderSettingsResult,
      kind: "write",
      audit: { entity: "messaging" },
      roles: ["admin"],
      configuration: true,
      handler: updateReminderSettings,
    }),
  ],
});
