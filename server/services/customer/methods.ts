import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { findCustomerByPhone, getCustomer, listCustomers, lookupCustomer, setMessagePreferences } from "./service";

export const customerServer = defineServer({
  name: "customer",
  version: "1.0.0",
  description: "Kundinnen und Kunden der Firma: Suche per Telefonnummer, Details, Liste.",
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
      description: "Liefert einen Kunden mit seinen kommenden Terminen.",
      params: s.getParams,
      result: s.getResult,
      kind: "read",
      handler: getCustomer,
    }),
    defineMethod({
      name: "customer.list",
      description: "Listet Kunden, optional gefiltert nach Name oder Telefonnummer.",
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
      handler: setMessagePreferences,
    }),
  ],
});
