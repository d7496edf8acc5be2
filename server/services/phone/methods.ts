import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { addNumber, importFromRetell, listNumbers, listRetellNumbers, removeNumber, updateNumber } from "./service";

export const phoneServer = defineServer({
  name: "phone",
  version: "1.0.0",
  description: "Rufnummern der Firma: über welche Nummer Anrufe bei welcher Filiale ankommen; Übernahme aus dem Retell-Arbeitsbereich.",
  methods: [
    defineMethod({
      name: "phone.list",
      description: "Listet die Rufnummern der Firma mit Filiale, Bezeichnung, Status und zugeordnetem Retell-Agenten.",
      params: s.listParams,
      result: s.listResult,
      kind: "read",
      roles: ["admin"], // read behind an admin-only page
      handler: (ctx) => listNumbers(ctx),
    }),
    defineMethod({
      name: "phone.add",
      description: "Fügt eine Rufnummer hinzu (wird ins internationale Format +49… gebracht); eine Nummer gehört auf der ganzen Installation genau einer Firma.",
      params: s.addParams,
      result: s.addResult,
      kind: "write",
      audit: { entity: "phone_number" },
      configuration: true,
      handler: addNumber,
    }),
    defineMethod({
      name: "phone.update",
      description: "Ändert Filiale, Bezeichnung oder Status einer Rufnummer; nur die genannten Felder.",
      params: s.updateParams,
      result: s.updateResult,
      kind: "write",
      audit: { entity: "phone_number" },
      configuration: true,
      handler: updateNumber,
    }),
    defineMethod({
      name: "phone.remove",
      description: "Entfernt eine Rufnummer; Anrufe auf ihr werden danach keiner Firma mehr zugeordnet.",
      params: s.removeParams,
      result: s.removeResult,
      kind: "write",
      audit: { entity: "phone_number" },
      configuration: true,
      handler: removeNumber,
    }),
    defineMethod({
      name: "phone.listRetellNumbers",
      description: "Listet die Rufnummern des Retell-Arbeitsbereichs der Firma: schon hinzugefügt, anderweitig vergeben oder frei.",
      params: s.listRetellNumbersParams,
      result: s.listRetellNumbersResult,
      kind: "read",
      roles: ["admin"], // read behind an admin-only page
      configuration: true,
      handler: (ctx) => listRetellNumbers(ctx),
    }),
    defineMethod({
      name: "phone.importFromRetell",
      description: "Übernimmt ausgewählte Rufnummern aus dem Retell-Arbeitsbereich (Bezeichnung und Agent von Retell); ein Ergebnis je Nummer.",
      params: s.importFromRetellParams,
      result: s.importResult,
      kind: "write",
      audit: { entity: "phone_number" },
      configuration: true,
      handler: importFromRetell,
    }),
  ],
});
