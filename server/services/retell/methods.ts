import { defineMethod, defineServer } from "@/server/core/types";
import { getAgent } from "./agent";
import { retellHealth } from "./health";
import { getAgentPrompt, listPromptVersions, listVoices, setPromptInstructions } from "./agent-instructions";
import * as s from "./schemas";
import { previewAgentSetup, setupAgent } from "./setup-agent";
import { getAgentVersions, listAgents, listPhoneNumbers, publishAgentVersion, setPhoneNumberAgentVersion } from "./service";

export const retellServer = defineServer({
  name: "retell",
  version: "1.0.0",
  description:
    "Retell-Arbeitsbereich der Firma: Agenten, Agent-Versionen, Veröffentlichen, Rufnummern und ihre Agent-Version; den eigenen Agenten einrichten und seine Anweisungen pflegen.",
  health: retellHealth,
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
      name: "retell.getAgent",
      description: "Ein Agent mit Stimme, Sprache, Antwort-Engine und Webhook; ohne version die neueste (300 s zwischengespeichert).",
      params: s.getAgentParams,
      result: s.getAgentResult,
      kind: "read",
      roles: ["admin"], // read behind an admin-only page
      handler: getAgent,
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
      audit: { entity: "retell_agent", id: (p) => p?.agent_id },
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
      audit: { entity: "retell_agent", id: (p) => p?.agent_id },
      handler: setPhoneNumberAgentVersion,
    }),
    defineMethod({
      name: "retell.previewAgentSetup",
      description:
        "Zeigt, was „Agent einrichten“ in Retell anlegen oder ändern würde (feldgenau) und ob der Agent seit der letzten Einrichtung in der Retell-Konsole geändert wurde.",
      params: s.previewAgentSetupParams,
      result: s.previewAgentSetupResult,
      kind: "read",
      roles: ["admin"],
      handler: previewAgentSetup,
    }),
    defineMethod({
      name: "retell.setupAgent",
      description:
        "Richtet den Telefonagenten der Firma in Retell ein (Retell-LLM mit Prompt und Werkzeugen, Agent, Rufnummern) und schreibt nur, was sich unterscheidet. Änderungen aus der Retell-Konsole werden nur mit confirmOverwrite überschrieben.",
      params: s.setupAgentParams,
      result: s.setupAgentResult,
      kind: "write",
      audit: { entity: "retell_agent", id: (_p, r) => r?.agent_id },
      roles: ["admin"],
      configuration: true,
      handler: setupAgent,
    }),
    defineMethod({
      name: "retell.getAgentPrompt",
      description: "Der vollständige Prompt des Agenten, wie „Agent einrichten“ ihn an Retell senden würde.",
      params: s.getAgentPromptParams,
      result: s.getAgentPromptResult,
      kind: "read",
      roles: ["admin"],
      handler: (ctx) => getAgentPrompt(ctx),
    }),
    defineMethod({
      name: "retell.setPromptInstructions",
      description: "Speichert die betriebseigenen Anweisungen für den Agenten als neue Version.",
      params: s.setPromptInstructionsParams,
      result: s.setPromptInstructionsResult,
      kind: "write",
      audit: { entity: "retell_agent", id: () => null },
      roles: ["admin"],
      configuration: true,
      handler: setPromptInstructions,
    }),
    defineMethod({
      name: "retell.listPromptVersions",
      description: "Die gespeicherten Versionen der Anweisungen für den Agenten, neueste zuerst.",
      params: s.listPromptVersionsParams,
      result: s.listPromptVersionsResult,
      kind: "read",
      roles: ["admin"],
      handler: (ctx) => listPromptVersions(ctx),
    }),
    defineMethod({
      name: "retell.listVoices",
      description: "Die deutschen Stimmen des Retell-Arbeitsbereichs (mit all: alle Stimmen).",
      params: s.listVoicesParams,
      result: s.listVoicesResult,
      kind: "read",
      roles: ["admin"],
      handler: listVoices,
    }),
  ],
});
