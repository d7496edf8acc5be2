/**
 * The built-in functions: what Retell's agent is told about each (description and JSON-Schema
 * parameters, deployed as custom tools) and the code that answers it.
 */
import type { FunctionImpl } from "../function-context";
import { answerQuestion } from "./answer-question";
import { calculateDuration } from "./calculate-duration";
import { collectAppointmentData } from "./collect-appointment-data";

export interface BuiltinDefinition {
  name: string;
  description: string;
  parameters: { type: "object"; properties: Record<string, unknown>; required?: string[] };
  impl: FunctionImpl;
}

const text = (description: string) => ({ type: "string", description });
const datum = text('Datum, wie der Anrufer es sagt, z. B. "morgen", "nächsten Dienstag", "12.3.".');
const uhrzeit = text('Uhrzeit, wie der Anrufer sie sagt, z. B. "um drei", "halb zehn", "14:30".');
const dienstleistung = text("Gewünschte Dienstleistung, z. B. Damenhaarschnitt.");
const telefonnummer = text("Telefonnummer des Anrufers; leer lassen, um die Anrufnummer zu verwenden.");

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
        mitarbeiter_wunsch: text("Wunsch-Mitarbeiter (optional)."),
        notizen: text("Weitere Hinweise (optional)."),
      },
      required: ["datum", "uhrzeit", "name", "telefonnummer", "dienstleistung"],
    },
    impl: collectAppointmentData,
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
