import { defineMethod, defineServer } from "@/server/core/types";
import { getConnection, updateConnection } from "./connection";
import { calcomHealth } from "./health";
import * as s from "./schemas";
import { cancelBooking, checkCalendarAvailability, createBooking, getEventTypes, testConnection, updateBooking } from "./service";

const everyone = ["admin", "staff"] as const;

export const calcomServer = defineServer({
  name: "calcom",
  version: "1.0.0",
  description: "Kalender der Firma – Cal.com oder der eingebaute Kalender: Terminarten, freie Zeiten, Buchungen, Verbindung.",
  health: calcomHealth,
  methods: [
    defineMethod({
      name: "calcom.getEventTypes",
      description: "Listet die Terminarten (beim eingebauten Kalender: die Leistungen).",
      params: s.getEventTypesParams,
      result: s.getEventTypesResult,
      kind: "read",
      handler: getEventTypes,
    }),
    defineMethod({
      name: "calcom.checkAvailability",
      description: "Freie Zeiten einer Terminart zwischen date_from und date_to.",
      params: s.checkAvailabilityParams,
      result: s.checkAvailabilityResult,
      kind: "read",
      handler: checkCalendarAvailability,
    }),
    defineMethod({
      name: "calcom.createBooking",
      description: "Bucht einen Termin im Kalender und legt ihn lokal an.",
      params: s.createBookingParams,
      result: s.createBookingResult,
      kind: "write",
      audit: { entity: "appointment" },
      roles: everyone,
      handler: createBooking,
    }),
    defineMethod({
      name: "calcom.updateBooking",
      description: "Verschiebt eine Buchung.",
      params: s.updateBookingParams,
      result: s.updateBookingResult,
      kind: "write",
      audit: { entity: "appointment" },
      roles: everyone,
      handler: updateBooking,
    }),
    defineMethod({
      name: "calcom.cancelBooking",
      description: "Storniert eine Buchung.",
      params: s.cancelBookingParams,
      result: s.cancelBookingResult,
      kind: "write",
      audit: { entity: "appointment" },
      roles: everyone,
      handler: cancelBooking,
    }),
    defineMethod({
      name: "calcom.testConnection",
      description: "Prüft die Verbindung zum Kalender und merkt sich das Ergebnis.",
      params: s.testConnectionParams,
      result: s.testConnectionResult,
      kind: "write",
      audit: { entity: "calcom" },
      configuration: true,
      handler: testConnection,
    }),
    defineMethod({
      name: "calcom.getConnection",
      description: "Zeigt die Kalenderverbindung (API-Schlüssel nur maskiert) und die Webhook-Adresse für Cal.com.",
      params: s.getConnectionParams,
      result: s.getConnectionResult,
      kind: "read",
      configuration: true,
      roles: ["admin"],
      handler: getConnection,
    }),
    defineMethod({
      name: "calcom.updateConnection",
      description: "Wählt den Kalender (eingebaut oder Cal.com) und speichert URL, API-Schlüssel und Webhook-Geheimnis verschlüsselt.",
      params: s.updateConnectionParams,
      result: s.updateConnectionResult,
      kind: "write",
      audit: { entity: "calcom" },
      configuration: true,
      handler: updateConnection,
    }),
  ],
});
