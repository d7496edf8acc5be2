/**
 * The built-in functions: what Retell's agent is told about each (description and JSON-Schema
 * parameters, deployed as custom tools) and the code that answers it.
 */
import type { FunctionImpl } from "@/server/services/retell-function/function-context";
import { answerQuestion } from "./answer-question";
import { calculateDuration } from "./calculate-duration";
import { bookAppointment } from "./book-appointment";
import { cancelAppointment } from "./cancel-appointment";
import { changeAppointment } from "./change-appointment";
import { checkAvailability } from "./check-availability";
import { collectAppointmentData } from "./collect-appointment-data";
import { findAppointments } from "./find-appointments";
import { findNextSlot } from "./find-next-slot";

export interface BuiltinDefinition {
  name: string;
  description: string;
  parameters: { type: "object"; properties: Record<string, unknown>; required?: string[] };
  impl: FunctionImpl;
}

const text = (description: string) => ({ type: "string", description });
const datum = text('Datum, wie der Anrufer es sagt, z. B. "morgen", "nächsten Dienstag", "12.3.", "Heiligabend".');
const uhrzeit = text(
  'Uhrzeit, wie der Anrufer sie sagt, z. B. "um drei", "halb zehn", "14:30". Ohne Tageszeit gilt die Lesart in den Öffnungszeiten; passen beide, fragt die Antwort nach.',
);
const dienstleistung = text("Gewünschte Dienstleistung, z. B. Damenhaarschnitt.");
const telefonnummer = text("Telefonnummer des Anrufers; leer lassen, um die Anrufnummer zu verwenden.");
const mitarbeiter_wunsch = text("Wunsch-Mitarbeiter (optional).");
const termin_id = text("ID des Termins aus find_appointments (optional).");
const andereNummer = text(
  "Nur wenn der Termin unter einer anderen Nummer gebucht ist als der, von der angerufen wird: diese Nummer. Dann werden auch Name und Tag des Termins benötigt.",
);
const nameAufTermin = text("Name, auf den der Termin gebucht ist (nötig bei anderer oder unterdrückter Nummer).");
const grund = text("Grund (optional).");

export const BUILTIN_FUNCTIONS: readonly BuiltinDefinition[] = [
  {
    name: "collect_appointment_data",
    description: "Sammelt die Termindaten des Anrufers (Datum, Uhrzeit, Name, Telefonnummer, Dienstleistung) und meldet fehlende Angaben.",
    parameters: {
      type: "object",
      properties: {
        datum,
        uhrzeit,
        name: text("Vor- und Nachname des Anrufers."),
        telefonnummer,
        dienstleistung,
        email: text("E-Mail-Adresse (optional)."),
        mitarbeiter_wunsch,
        notizen: text("Weitere Hinweise (optional)."),
      },
      required: ["datum", "uhrzeit", "name", "telefonnummer", "dienstleistung"],
    },
    impl: collectAppointmentData,
  },
  {
    name: "check_availability",
    description: "Prüft, ob ein Wunschtermin frei ist, oder nennt die freien Zeiten eines Tages.",
    parameters: {
      type: "object",
      properties: { datum: text('Tag oder Zeitraum, wie der Anrufer ihn sagt, z. B. "übermorgen", "Anfang nächster Woche", "am Wochenende".'), uhrzeit, dienstleistung, mitarbeiter_wunsch },
      required: ["datum", "dienstleistung"],
    },
    impl: checkAvailability,
  },
  {
    name: "find_next_slot",
    description: "Sucht den nächsten freien Termin für eine Dienstleistung, ab heute oder ab einem Tag.",
    parameters: { type: "object", properties: { dienstleistung, ab: text("Frühester Tag (optional)."), mitarbeiter_wunsch }, required: ["dienstleistung"] },
    impl: findNextSlot,
  },
  {
    name: "book_appointment",
    description: "Bucht den Termin verbindlich. Fehlende Angaben werden aus collect_appointment_data übernommen.",
    parameters: {
      type: "object",
      properties: { datum, uhrzeit, name: text("Vor- und Nachname."), telefonnummer, dienstleistung, email: text("E-Mail (optional)."), mitarbeiter_wunsch, notizen: text("Hinweise (optional).") },
    },
    impl: bookAppointment,
  },
  {
    name: "find_appointments",
    description: "Findet die kommenden Termine des Anrufers über die Nummer, von der er anruft.",
    parameters: {
      type: "object",
      properties: { telefonnummer: andereNummer, name: nameAufTermin, datum: text("Tag des Termins (nötig bei anderer oder unterdrückter Nummer).") },
    },
    impl: findAppointments,
  },
  {
    name: "change_appointment",
    description: "Verschiebt einen Termin des Anrufers auf ein neues Datum und eine neue Uhrzeit.",
    parameters: {
      type: "object",
      properties: {
        termin_id,
        altes_datum: text("Datum des bisherigen Termins (optional)."),
        neues_datum: datum,
        neue_uhrzeit: uhrzeit,
        telefonnummer: andereNummer,
        name: nameAufTermin,
        grund,
      },
      required: ["neues_datum", "neue_uhrzeit"],
    },
    impl: changeAppointment,
  },
  {
    name: "cancel_appointment",
    description: "Storniert einen Termin des Anrufers.",
    parameters: { type: "object", properties: { termin_id, datum: text("Datum des Termins (optional)."), telefonnummer: andereNummer, name: nameAufTermin, grund } },
    impl: cancelAppointment,
  },
  {
    name: "calculate_duration",
    description: "Nennt, wie lange eine oder mehrere Dienstleistungen dauern.",
    parameters: { type: "object", properties: { dienstleistung: text("Eine oder mehrere Dienstleistungen, z. B. \"Färben und Damenhaarschnitt\".") }, required: ["dienstleistung"] },
    impl: calculateDuration,
  },
  {
    name: "answer_question",
    description: "Beantwortet Fragen zu Öffnungszeiten, Preisen, Adresse, Parken, Zahlung und mehr aus der Wissensbasis.",
    parameters: { type: "object", properties: { frage: text("Die Frage des Anrufers.") }, required: ["frage"] },
    impl: answerQuestion,
  },
];

const byName = new Map(BUILTIN_FUNCTIONS.map((b) => [b.name, b]));

export function builtinFunction(name: string): BuiltinDefinition | undefined {
  return byName.get(name);
}
