import { defineMethod, defineServer } from "@/server/mcp/types";
import * as s from "./schemas";
import { getBranch, listBranches } from "./service";

/** Cache tag of branch reads; a server that changes branches lists it in `invalidates`. */
export const BRANCH_CACHE_TAG = "branch";

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
  ],
});
