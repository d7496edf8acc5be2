import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { deleteKnowledge, listKnowledge, searchKnowledge, upsertKnowledge } from "./service";

export const knowledgeServer = defineServer({
  name: "knowledge",
  version: "1.0.0",
  description: "Wissensbasis für den Telefonassistenten: Einträge je Firma oder Filiale, dazu Öffnungszeiten, Preise und Adressen live aus den Stammdaten.",
  methods: [
    defineMethod({
      name: "knowledge.search",
      description: "Sucht die passende Antwort auf eine Frage (Einträge, Öffnungszeiten, Preise, Adressen).",
      params: s.searchParams,
      result: s.searchResult,
      kind: "read",
      handler: searchKnowledge,
    }),
    defineMethod({
      name: "knowledge.list",
      description: "Listet die Wissenseinträge der Firma.",
      params: s.listParams,
      result: s.listResult,
      kind: "read",
      handler: listKnowledge,
    }),
    defineMethod({
      name: "knowledge.upsert",
      description: "Legt einen Wissenseintrag an oder ändert ihn.",
      params: s.upsertParams,
      result: s.upsertResult,
      kind: "write",
      audit: { entity: "knowledge", id: (p, r) => r?.entry?.id ?? p?.id },
      handler: upsertKnowledge,
    }),
    defineMethod({
      name: "knowledge.delete",
      description: "Löscht einen Wissenseintrag.",
      params: s.deleteParams,
      result: s.deleteResult,
      kind: "write",
      audit: { entity: "knowledge" },
      handler: deleteKnowledge,
    }),
  ],
});
