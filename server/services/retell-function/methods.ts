import { defineMethod, defineServer } from "@/server/core/types";
import { executeParams, functionAnswerSchema } from "./schemas";
import { executeFunction } from "./service";
import { callFunctionCalls, listTestableFunctions, testFunction } from "./test-run";
import * as t from "./test-run-schemas";

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
      audit: { entity: "retell_call", id: (p) => p?.call_context?.call_id },
      rateLimitClass: "retell.function",
      roles: ["admin", "staff"],
      handler: executeFunction,
    }),
    defineMethod({
      name: "retell.function.listTestable",
      description: "Listet die eingebauten und eigenen Funktionen mit ihren Feldern und die Filialen für den Funktionstest.",
      params: t.listTestableParams,
      result: t.listTestableResult,
      kind: "read",
      roles: ["admin"],
      handler: listTestableFunctions,
    }),
    defineMethod({
      name: "retell.function.test",
      description: "Führt eine Funktion mit Angaben wie vom Anrufer gesprochen aus und zeigt, was der Agent erhält und sagt; ohne confirm ein Probelauf, der nichts bucht, speichert oder sendet.",
      params: t.testParams,
      result: t.testResult,
      kind: "write",
      audit: { entity: "custom_function", id: () => null },
      roles: ["admin"],
      handler: testFunction,
    }),
    defineMethod({
      name: "retell.function.callFunctionCalls",
      description: "Die Funktionsaufrufe eines vergangenen Anrufs mit ihren Angaben, zum erneuten Abspielen im Funktionstest.",
      params: t.callFunctionCallsParams,
      result: t.callFunctionCallsResult,
      kind: "read",
      roles: ["admin"],
      handler: callFunctionCalls,
    }),
  ],
});
