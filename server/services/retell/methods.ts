import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { getAgentVersions, listAgents, listPhoneNumbers, publishAgentVersion, setPhoneNumberAgentVersion } from "./service";

export const retellServer = defineServer({
  name: "retell",
  version: "1.0.0",
  description: "Retell-Arbeitsbereich der Firma: Agenten, Agent-Versionen, Veröffentlichen, Rufnummern und ihre Agent-Version.",
  methods: [
    defineMethod({
      name: "retell.listAgents",
      description: "Listet die Retell-Agenten der Firma (300 s zwischengespeichert).",
      params: s.listAgentsParams,
      result: s.listAgentsResult,
      kind: "read",
      roles: ["admin"], // read behind an admin-only page
      handler: (ctx) => listAgents(ctx),
    }),
    defineMethod({
      name: "retell.getAgentVersions",
      description: "Alle Versionen eines Agenten und welche veröffentlicht ist.",
      params: s.getAgentVersionsParams,
      result: s.getAgentVersionsResult,
      kind: "read",
      roles: ["admin"], // read behind an admin-only page
      handler: getAgentVersions,
    }),
    defineMethod({
      name: "retell.publishAgentVersion",
      description: "Veröffentlicht eine Version eines Agenten.",
      params: s.publishAgentVersionParams,
      result: s.publishAgentVersionResult,
      kind: "write",
      handler: publishAgentVersion,
    }),
    defineMethod({
      name: "retell.listPhoneNumbers",
      description: "Listet die Rufnummern im Retell-Arbeitsbereich mit ihren Agent-Versionen.",
      params: s.listPhoneNumbersParams,
      result: s.listPhoneNumbersResult,
      kind: "read",
      roles: ["admin"], // read behind an admin-only page
      handler: (ctx) => listPhoneNumbers(ctx),
    }),
    defineMethod({
      name: "retell.setPhoneNumberAgentVersion",
      description: "Legt fest, welche Agent-Version Anrufe auf einer Rufnummer annimmt.",
      params: s.setPhoneNumberAgentVersionParams,
      result: s.setPhoneNumberAgentVersionResult,
      kind: "write",
      handler: setPhoneNumberAgentVersion,
    }),
  ],
});
