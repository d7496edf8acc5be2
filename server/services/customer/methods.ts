import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { getCustomer } from "./detail";
import { listCustomers } from "./list";
import { mergeCustomers, previewMerge } from "./merge";
import { findCustomerByPhone, lookupCustomer, setMessagePreferences } from "./service";
import { updateCustomer } from "./update";

export const customerServer = defineServer({
  name: "customer",
  version: "1.0.0",
  description: "Kundinnen und Kunden der Firma: Suche per Name oder Telefonnummer, Details mit Besuchen und Anrufen, Bearbeiten, Zusammenführen.",
  methods: [
    defineMethod({
      name: "customer.findByPhone",
      description: "Sucht einen Kunden über die Telefonnummer (jede übliche Schreibweise, z. B. 0171 1234567).",
      params: s.findByPhoneParams,
      result: s.findByPhoneResult,
      kind: "read",
      handler: findCustomerByPhone,
    }),
    defineMethod({
      name: "customer.lookup",
      description:
        "Kunde zu einer gerade eingegebenen Telefonnummer: Name, letzte Besuche (Datum, Leistung) und Zahl der nicht wahrgenommenen Termine. Eine (noch) ungültige Nummer ergibt valid_number=false statt eines Fehlers.",
      params: s.lookupParams,
      result: s.lookupResult,
      kind: "read",
      handler: lookupCustomer,
    }),
    defineMethod({
      name: "customer.get",
      description:
        "Liefert einen Kunden: Kontaktdaten, Notizen, Einwilligungen (SMS/E-Mail), kommende und vergangene Termine (Leistung, Mitarbeitende, Status), Anrufe, Nichterscheinen und Stornierungen.",
      params: s.getParams,
      result: s.getResult,
      kind: "read",
      handler: getCustomer,
    }),
    defineMethod({
      name: "customer.list",
      description:
        "Listet Kunden mit letztem und nächstem Besuch; Suche nach Namen oder Telefonnummer in jeder Schreibweise (auch Teilen davon), sortiert nach Name oder letztem Besuch. Gelöschte Kunden nur mit include_erased.",
      params: s.listParams,
      result: s.listResult,
      kind: "read",
      handler: listCustomers,
    }),
    defineMethod({
      name: "customer.setMessagePreferences",
      description: "Legt fest, ob der Kunde keine SMS und/oder keine E-Mails mehr erhalten möchte (gilt auch für schon geplante Erinnerungen).",
      params: s.setMessagePreferencesParams,
      result: s.setMessagePreferencesResult,
      kind: "write",
      roles: ["admin", "staff"], // staff take "bitte keine SMS mehr" on the phone
      audit: { entity: "customer" },
      handler: setMessagePreferences,
    }),
    defineMethod({
      name: "customer.update",
      description:
        "Ändert Name, E-Mail, Telefonnummer, Notizen und Einwilligungen eines Kunden (nur die gesendeten Felder; leerer Text löscht). Eine Nummer eines anderen Kunden wird abgelehnt.",
      params: s.updateParams,
      result: s.updateResult,
      kind: "write",
      roles: ["admin", "staff"],
      audit: { entity: "customer" },
      handler: updateCustomer,
    }),
    defineMethod({
      name: "customer.mergePreview",
      description: "Zeigt, was customer.merge vom Duplikat zum bleibenden Kunden verschieben würde (Termine, Anrufe, Aufgaben, Zahlungen, Nachrichten).",
      params: s.mergeParams,
      result: s.mergePreviewResult,
      kind: "read",
      handler: previewMerge,
    }),
    defineMethod({
      name: "customer.merge",
      description:
        "Führt zwei Kunden zusammen (dieselbe Person unter zwei Nummern): alles vom Duplikat geht an customer_id, Zähler werden addiert, Notizen verbunden, ein Widerspruch (keine SMS/E-Mail) bleibt bestehen; das Duplikat wird gelöscht.",
      params: s.mergeParams,
      result: s.mergeResult,
      kind: "write",
      roles: ["admin", "staff"],
      audit: { entity: "customer" },
      handler: mergeCustomers,
    }),
  ],
});
