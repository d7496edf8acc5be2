import { CacheTags } from "@/server/core/cache-keys";
import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { getCompany, getSettings, updateCompany, updateSettings } from "./service";

/** Cache tag of everything derived from the company row; other servers may invalidate it too. */
export const COMPANY_CACHE_TAG = CacheTags.company;

export const companyServer = defineServer({
  name: "company",
  version: "1.0.0",
  description: "Stammdaten und Einstellungen der Firma (Buchungsregeln, Stornobedingungen, Kontakt).",
  methods: [
    defineMethod({
      name: "company.get",
      description: "Liefert Name, Kürzel, Zeitzone und Einstellungen der eigenen Firma.",
      params: s.getParams,
      result: s.getResult,
      kind: "read",
      roles: ["admin"], // read behind an admin-only page
      cache: { ttlSeconds: 300, tags: [COMPANY_CACHE_TAG] },
      handler: getCompany,
    }),
    defineMethod({
      name: "company.getSettings",
      description: "Liefert die Einstellungen der Firma mit allen Standardwerten.",
      params: s.getSettingsParams,
      result: s.getSettingsResult,
      kind: "read",
      roles: ["admin"], // read behind an admin-only page
      cache: { ttlSeconds: 300, tags: [COMPANY_CACHE_TAG] },
      handler: getSettings,
    }),
    defineMethod({
      name: "company.updateSettings",
      description: "Ändert einzelne Einstellungen der Firma; nicht genannte Felder bleiben unverändert.",
      params: s.updateSettingsParams,
      result: s.updateSettingsResult,
      kind: "write",
      audit: { entity: "company", id: () => null },
      configuration: true,
      invalidates: [COMPANY_CACHE_TAG],
      handler: updateSettings,
    }),
    defineMethod({
      name: "company.update",
      description: "Ändert den Namen der Firma (so nennt der Telefonassistent sie).",
      params: s.updateParams,
      result: s.updateResult,
      kind: "write",
      audit: { entity: "company", id: () => null },
      configuration: true,
      invalidates: [COMPANY_CACHE_TAG],
      handler: updateCompany,
    }),
  ],
});
