import { CacheTags } from "@/server/core/cache-keys";
import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { createBranch, getBranch, listBranches, updateBranch } from "./service";

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
      invalidates: [BRANCH_CACHE_TAG],
      handler: createBranch,
    }),
    defineMethod({
      name: "branch.update",
      description: "Ändert die genannten Felder einer Filiale; business_hours ersetzt Öffnungszeiten und Pausen als Ganzes (fehlender Wochentag = geschlossen).",
      params: s.updateParams,
      result: s.updateResult,
      kind: "write",
      invalidates: [BRANCH_CACHE_TAG],
      handler: updateBranch,
    }),
  ],
});
