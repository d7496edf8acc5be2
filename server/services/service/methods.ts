import { CacheTags } from "@/server/core/cache-keys";
import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { createService, listServices, updateService } from "./service";

/** Cache tag of service reads; methods that change services list it in `invalidates`. */
export const SERVICE_CACHE_TAG = CacheTags.service;

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
    defineMethod({
      name: "service.create",
      description: "Legt eine Leistung an: Name (je Firma eindeutig), Dauer, Puffer, Preis in Cent, Filiale oder alle, Cal.com-Terminart.",
      params: s.createParams,
      result: s.createResult,
      kind: "write",
      audit: { entity: "service" },
      invalidates: [SERVICE_CACHE_TAG],
      handler: createService,
    }),
    defineMethod({
      name: "service.update",
      description: "Ändert die genannten Felder einer Leistung; is_active: false deaktiviert sie (gebuchte Termine bleiben).",
      params: s.updateParams,
      result: s.updateResult,
      kind: "write",
      audit: { entity: "service" },
      invalidates: [SERVICE_CACHE_TAG],
      handler: updateService,
    }),
  ],
});
