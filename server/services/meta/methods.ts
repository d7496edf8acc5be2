import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { discover, health } from "./service";

/** Discovery and health of the service layer itself; every token may call it. */
export const metaServer = defineServer({
  name: "mcp",
  version: "1.0.0",
  description: "Verzeichnis der Dienste: Methoden mit Parameterschema und Zustand jedes Dienstes.",
  methods: [
    defineMethod({
      name: "mcp.discover",
      description: "Listet alle Dienste mit Version, Methoden (Parameter als JSON Schema) und Zustand.",
      params: s.discoverParams,
      result: s.discoverResult,
      kind: "read",
      handler: discover,
    }),
    defineMethod({
      name: "mcp.health",
      description: "Führt die Statusprüfung jedes Dienstes aus.",
      params: s.healthParams,
      result: s.healthResult,
      kind: "read",
      handler: health,
    }),
  ],
});
