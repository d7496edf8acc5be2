import { defineMethod, defineServer } from "@/server/core/types";
import { sentryHealth } from "./health";
import * as s from "./schemas";
import { getIssue, listIssues, resolveIssue } from "./service";

export const sentryServer = defineServer({
  name: "sentry",
  version: "1.0.0",
  description: "Fehler der Anwendung: aus Sentry, wenn eingerichtet, sonst aus dem Protokoll der App; personenbezogene Daten sind entfernt.",
  health: sentryHealth,
  methods: [
    defineMethod({
      name: "sentry.listIssues",
      description: "Listet aufgetretene Fehler (Titel, Anzahl, zuletzt gesehen, Status) mit Filtern nach Status, Zeitraum und Suchtext, seitenweise; nennt die Quelle (Sentry oder Protokoll der App).",
      params: s.listIssuesParams,
      result: s.listIssuesResult,
      kind: "read",
      roles: ["admin"],
      configuration: true,
      handler: listIssues,
    }),
    defineMethod({
      name: "sentry.getIssue",
      description: "Ein Fehler mit seinem letzten Auftreten (Meldung, Aufrufstapel, Ort), ohne personenbezogene Daten.",
      params: s.getIssueParams,
      result: s.getIssueResult,
      kind: "read",
      roles: ["admin"],
      configuration: true,
      handler: getIssue,
    }),
    defineMethod({
      name: "sentry.resolveIssue",
      description: "Markiert einen Fehler aus dem Protokoll der App als erledigt oder wieder offen; tritt er erneut auf, ist er wieder offen.",
      params: s.resolveIssueParams,
      result: s.resolveIssueResult,
      kind: "write",
      audit: { entity: "error_issue" },
      configuration: true,
      handler: resolveIssue,
    }),
  ],
});
