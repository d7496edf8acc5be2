import { defineMethod, defineServer } from "@/server/mcp/types";
import { executeParams, functionAnswerSchema } from "./schemas";
import { executeFunction } from "./service";

export const retellFunctionServer = defineServer({
  name: "retell.function",
  version: "1.0.0",
  description: "Führt die Funktionen aus, die der Telefonassistent während eines Anrufs aufruft (Termine prüfen, buchen, verschieben, absagen, Fragen beantworten).",
  methods: [
    defineMethod({
      name: "retell.function.execute",
      description: "Führt eine eingebaute oder eine von der Firma eingerichtete Funktion für einen laufenden Anruf aus; Wiederholungen liefern die erste Antwort.",
      params: executeParams,
      result: functionAnswerSchema,
      kind: "write",
      rateLimitClass: "retell.function",
      roles: ["admin", "staff"],
      handler: executeFunction,
    }),
  ],
});
