import { defineMethod, defineServer } from "@/server/core/types";
import { eraseCustomer } from "./erase";
import { exportCustomer } from "./export";
import { applyRetention } from "./retention";
import * as s from "./schemas";

export const privacyServer = defineServer({
  name: "privacy",
  version: "1.0.0",
  description: "Datenschutz (DSGVO): Auskunft über die Daten eines Kunden, Löschen auf Wunsch, Aufbewahrungsfrist für Anrufe.",
  methods: [
    defineMethod({
      name: "privacy.exportCustomer",
      description:
        "Alle gespeicherten Daten eines Kunden (Auskunft nach Art. 15 DSGVO): Kontakt, Einwilligungen, Termine, Anrufe mit Transkript, Rückrufe, Nachrichten, Zahlungen und Protokolleinträge.",
      params: s.exportParams,
      result: s.exportResult,
      kind: "read",
      roles: ["admin", "staff"],
      // Everything about a person: a token needs the explicit grant config:privacy, like database.export.
      configuration: true,
      // Reading everything about a person is itself protocolled.
      audit: { entity: "customer", id: (params: { customer_id: string }) => params.customer_id },
      handler: exportCustomer,
    }),
    defineMethod({
      name: "privacy.eraseCustomer",
      description:
        "Löscht die persönlichen Daten eines Kunden (Art. 17 DSGVO): Name, Kontaktdaten, Notizen, Anruftranskripte und -aufnahmen, Nachrichtentexte. Termine und Zahlungen bleiben anonym für die Buchhaltung. Zur Bestätigung den Namen des Kunden (oder LÖSCHEN, wenn er keinen hat) in confirm_name angeben.",
      params: s.eraseParams,
      result: s.eraseResult,
      kind: "write",
      roles: ["admin"],
      configuration: true,
      audit: { entity: "customer" },
      handler: eraseCustomer,
    }),
    defineMethod({
      name: "privacy.applyRetention",
      description:
        "Entfernt Transkripte und Aufnahmen von Anrufen, die älter als die eingestellte Aufbewahrungsfrist (callRetentionMonths) sind. Läuft ohnehin täglich.",
      params: s.retentionParams,
      result: s.retentionResult,
      kind: "write",
      roles: ["admin"],
      audit: { entity: "company", id: () => null },
      handler: applyRetention,
    }),
  ],
});
