import { defineMethod, defineServer } from "@/server/core/types";
import { exportPage } from "./export";
import { getDatabaseHealth } from "./health";
import * as s from "./schemas";
import { getStatistics } from "./statistics";

/** Read-only and company-scoped: figures, the company's data as an export, the database's state. Callers send no SQL. */
export const databaseServer = defineServer({
  name: "database",
  version: "1.0.0",
  description:
    "Daten der Firma, nur lesend: Kennzahlen (Anzahl je Bereich, Termine je Tag, Status, Mitarbeiter/in und Leistung, Anrufe und Buchungsquote), Export aller Daten als JSON oder CSV (DSGVO-Auskunft, Umzug) und Zustand der Datenbank.",
  methods: [
    defineMethod({
      name: "database.statistics",
      description:
        "Kennzahlen der Firma für einen Zeitraum (from/to als JJJJ-MM-TT in der Zeitzone der Firma, ohne Angabe die letzten 30 Tage): Anzahl je Bereich, Termine je Kalendertag, je Status, je Mitarbeiter/in und je Leistung; Anrufe, davon mit Buchung, und die Buchungsquote.",
      params: s.statisticsParams,
      result: s.statisticsResult,
      kind: "read",
      handler: getStatistics,
    }),
    defineMethod({
      name: "database.export",
      description:
        "Export der Daten der Firma (ohne Geheimnisse wie Schlüssel und Passwort-Hashes). entity 'all': alle Bereiche mit Anzahl und die Adresse des vollständigen Downloads (JSON); ein Bereich: eine Seite Zeilen als JSON oder CSV mit next_cursor für die nächste Seite. Jeder Export wird protokolliert.",
      params: s.exportParams,
      result: s.exportResult,
      kind: "read",
      roles: ["admin"], // customer data of the whole company
      // All customer data in one call: a token needs the explicit grant config:database, which no read grant includes or suggests.
      configuration: true,
      rateLimitClass: "database.export",
      handler: exportPage,
    }),
    defineMethod({
      name: "database.health",
      description: "Zustand der Datenbank: Antwortzeit, Art (eingebettet oder PostgreSQL-Server), Migrationen (angewendet und vorhanden), Größe und größte Tabellen.",
      params: s.healthParams,
      result: s.healthResult,
      kind: "read",
      roles: ["admin"], // sizes of the whole installation
      handler: (ctx) => getDatabaseHealth(ctx),
    }),
  ],
});
