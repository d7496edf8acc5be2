import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { auditFilters, listAudit } from "./service";

export const auditServer = defineServer({
  name: "audit",
  version: "1.0.0",
  description: "Protokoll: wer wann was geändert oder eingesehen hat (nur Administratoren).",
  methods: [
    defineMethod({
      name: "audit.list",
      description: "Listet die Protokolleinträge der Firma, neueste zuerst, gefiltert nach Benutzer, Aktion, Bereich, Zeitraum und Ergebnis.",
      params: s.listParams,
      result: s.listResult,
      kind: "read",
      roles: ["admin"],
      configuration: true, // a token reads the log only with the explicit grant config:audit
      handler: listAudit,
    }),
    defineMethod({
      name: "audit.filters",
      description: "Die Auswahl der Protokoll-Filter: Benutzer und API-Tokens der Firma, Aktionen, Bereiche.",
      params: s.filtersParams,
      result: s.filtersResult,
      kind: "read",
      roles: ["admin"],
      configuration: true, // a token reads the log only with the explicit grant config:audit
      handler: (ctx) => auditFilters(ctx),
    }),
  ],
});
