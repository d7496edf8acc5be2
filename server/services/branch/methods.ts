import { CacheTags } from "@/server/core/cache-keys";
import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { createBranch, getBranch, listBranches, updateBranch } from "./service";
import { listSpecialDays, removeSpecialDay, setSpecialDay } from "./special-days";

/** Cache tag of branch reads; a server that changes branches lists it in `invalidates`. */
export const BRANCH_CACHE_TAG = CacheTags.branch;

export const branchServer = defineServer({
  name: "branch",
  version: "1.0.0",
  description: "Filialen der Firma mit Adresse, Kontakt und Öffnungszeiten.",
  methods: [
    defineMethod({
      name: "branch.list",
      description: "Listet die Filialen der Firma (standardmäßig nur aktive).",
      params: s.listParams,
      result: s.listResult,
      kind: "read",
      cache: { ttlSeconds: 60, tags: [BRANCH_CACHE_TAG] },
      handler: listBranches,
    }),
    defineMethod({
      name: "branch.get",
      description: "Liefert eine Filiale mit Adresse und Öffnungszeiten.",
      params: s.getParams,
      result: s.getResult,
      kind: "read",
      cache: { ttlSeconds: 60, tags: [BRANCH_CACHE_TAG] },
      handler: getBranch,
    }),
    defineMethod({
      name: "branch.create",
      description: "Legt eine Filiale an, mit Adresse, Bundesland (für Feiertage) und Öffnungszeiten samt Pausen.",
      params: s.createParams,
      result: s.createResult,
      kind: "write",
      audit: { entity: "branch" },
      invalidates: [BRANCH_CACHE_TAG],
      handler: createBranch,
    }),
    defineMethod({
      name: "branch.update",
      description: "Ändert die genannten Felder einer Filiale; business_hours ersetzt Öffnungszeiten und Pausen als Ganzes (fehlender Wochentag = geschlossen).",
      params: s.updateParams,
      result: s.updateResult,
      kind: "write",
      audit: { entity: "branch" },
      invalidates: [BRANCH_CACHE_TAG],
      handler: updateBranch,
    }),
    defineMethod({
      name: "branch.listSpecialDays",
      description: "Listet Sondertage der Filialen: Schließtage (24.12., Betriebsurlaub) und Tage mit besonderen Öffnungszeiten, auch vergangene (past).",
      params: s.listSpecialDaysParams,
      result: s.listSpecialDaysResult,
      kind: "read",
      cache: { ttlSeconds: 60, tags: [BRANCH_CACHE_TAG] },
      handler: listSpecialDays,
    }),
    defineMethod({
      name: "branch.setSpecialDay",
      description: "Legt einen Sondertag einer Filiale fest (ersetzt einen vorhandenen am selben Datum): geschlossen, oder geöffnet nur zu den angegebenen Zeiten; mit Grund. Telefonassistent und Terminvergabe halten sich daran.",
      params: s.setSpecialDayParams,
      result: s.setSpecialDayResult,
      kind: "write",
      audit: { entity: "branch" },
      invalidates: [BRANCH_CACHE_TAG],
      handler: setSpecialDay,
    }),
    defineMethod({
      name: "branch.removeSpecialDay",
      description: "Entfernt einen Sondertag; an dem Datum gelten wieder die normalen Öffnungszeiten.",
      params: s.removeSpecialDayParams,
      result: s.removeSpecialDayResult,
      kind: "write",
      audit: { entity: "special_day" },
      invalidates: [BRANCH_CACHE_TAG],
      handler: removeSpecialDay,
    }),
  ],
});
