import { defineMethod, defineServer } from "@/server/core/types";
import { calendarView } from "./calendar";
import * as s from "./schemas";
import {
  bookAppointment,
  cancelAppointment,
  changeAppointment,
  checkAvailability,
  findAppointmentsByPhone,
  findNextSlot,
  getAppointment,
  listAppointments,
  setAppointmentStatus,
  updateAppointment,
} from "./service";

const everyone = ["admin", "staff"] as const;

/**
 * The dashboard pages through the Kalender, the list and details: those reads get the default
 * limit; the specification's 30 a minute stays on finding, checking and changing appointments.
 */
const BROWSE = "appointments.browse";

export const appointmentsServer = defineServer({
  name: "appointments",
  version: "1.0.0",
  description: "Termine finden, buchen, verschieben und stornieren – über den eingebauten Kalender oder Cal.com.",
  methods: [
    defineMethod({
      name: "appointments.checkAvailability",
      description: "Prüft, ob eine Uhrzeit frei ist, oder nennt die freien Zeiten eines Tages.",
      params: s.checkAvailabilityParams,
      result: s.checkAvailabilityResult,
      kind: "read",
      handler: checkAvailability,
    }),
    defineMethod({
      name: "appointments.findNextSlot",
      description: "Sucht den nächsten freien Termin für eine Leistung.",
      params: s.findNextSlotParams,
      result: s.findNextSlotResult,
      kind: "read",
      handler: findNextSlot,
    }),
    defineMethod({
      name: "appointments.find",
      description: "Findet die nächsten Termine eines Anrufers über seine Telefonnummer (jede Schreibweise).",
      params: s.findParams,
      result: s.findResult,
      kind: "read",
      handler: findAppointmentsByPhone,
    }),
    defineMethod({
      name: "appointments.book",
      description: "Bucht einen Termin; mit idempotency_key liefert eine Wiederholung die erste Buchung.",
      params: s.bookParams,
      result: s.bookResult,
      kind: "write",
      audit: { entity: "appointment" },
      roles: everyone,
      handler: bookAppointment,
    }),
    defineMethod({
      name: "appointments.change",
      description: "Verschiebt einen Termin (telefonisch nur bis 24 Stunden vorher).",
      params: s.changeParams,
      result: s.changeResult,
      kind: "write",
      audit: { entity: "appointment" },
      roles: everyone,
      handler: changeAppointment,
    }),
    defineMethod({
      name: "appointments.cancel",
      description: "Storniert einen Termin und nennt die Stornierungsbedingungen.",
      params: s.cancelParams,
      result: s.cancelResult,
      kind: "write",
      audit: { entity: "appointment" },
      roles: everyone,
      handler: cancelAppointment,
    }),
    defineMethod({
      name: "appointments.setStatus",
      description: "Markiert einen begonnenen Termin als erledigt oder nicht erschienen (zählt beim Kunden) oder wieder als geplant.",
      params: s.setStatusParams,
      result: s.setStatusResult,
      kind: "write",
      audit: { entity: "appointment" },
      roles: everyone,
      handler: setAppointmentStatus,
    }),
    defineMethod({
      name: "appointments.update",
      description: "Ändert Leistung, Mitarbeiter, Notizen oder Kundschaft eines Termins; eine neue Leistung oder Person wird wie eine Buchung auf Verfügbarkeit geprüft.",
      params: s.updateParams,
      result: s.updateResult,
      kind: "write",
      audit: { entity: "appointment" },
      roles: everyone,
      handler: updateAppointment,
    }),
    defineMethod({
      name: "appointments.list",
      description: "Listet Termine mit Filtern nach Zeitraum, Filiale, Mitarbeiter, Status und Kunde.",
      params: s.listParams,
      result: s.listResult,
      kind: "read",
      rateLimitClass: BROWSE,
      handler: listAppointments,
    }),
    defineMethod({
      name: "appointments.get",
      description: "Liefert einen Termin mit allen Angaben und dem Anruf, aus dem er entstand.",
      params: s.getParams,
      result: s.getResult,
      kind: "read",
      rateLimitClass: BROWSE,
      handler: getAppointment,
    }),
    defineMethod({
      name: "appointments.calendar",
      description: "Liefert den Kalender einer Filiale für einen Tag oder eine Woche: Mitarbeiter, Arbeits- und Öffnungszeiten, Pausen, Abwesenheiten, Schließtage und Termine.",
      params: s.calendarParams,
      result: s.calendarResult,
      kind: "read",
      rateLimitClass: BROWSE,
      handler: calendarView,
    }),
  ],
});
