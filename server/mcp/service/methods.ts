import { defineMethod, defineServer } from "@/server/mcp/types";
import * as s from "./schemas";
import { listServices } from "./service";

/** Cache tag of service reads; methods that change services list it in `invalidates`. */
export const SERVICE_CACHE_TAG = "service";

export const serviceServer = defineServer({
  name: "service",
  version: "1.0.0",
  description: "Leistungen der Firma mit Dauer, Puffer, Preis und den Mitarbeitenden, die sie anbieten.",
  methods: [
    defineMethod({
      name: "service.list",
      description: "Listet die Leistungen (standardmäßig nur aktive).",
      params: s.listParams,
      result: s.listResult,
      kind: "read",
      cache: { ttlSeconds: 60, tags: [SERVICE_CACHE_TAG] },
      handler: listServices,
    }),
  ],
});
