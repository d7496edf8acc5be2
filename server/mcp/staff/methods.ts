import { defineMethod, defineServer } from "@/server/mcp/types";
import * as s from "./schemas";
import { listStaff } from "./service";

/** Cache tag of staff reads; methods that change staff list it in `invalidates`. */
export const STAFF_CACHE_TAG = "staff";

export const staffServer = defineServer({
  name: "staff",
  version: "1.0.0",
  description: "Mitarbeitende der Firma mit Filiale, Arbeitszeiten und angebotenen Leistungen.",
  methods: [
    defineMethod({
      name: "staff.list",
      description: "Listet die Mitarbeitenden (standardmäßig nur aktive), optional einer Filiale.",
      params: s.listParams,
      result: s.listResult,
      kind: "read",
      cache: { ttlSeconds: 60, tags: [STAFF_CACHE_TAG] },
      handler: listStaff,
    }),
  ],
});
