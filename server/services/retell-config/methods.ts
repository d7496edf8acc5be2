import { defineMethod, defineServer } from "@/server/core/types";
import { revealApiKey, rotateApiKey, setApiKey } from "./api-key";
import { createCustomFunction, deleteCustomFunction, deployAllFunctions, getCustomFunctions, updateCustomFunction } from "./custom-functions";
import { retellHealth } from "@/server/services/retell/health";
import * as s from "./schemas";
import { getWebhookConfiguration, testWebhook, updateWebhookSettings } from "./webhook-settings";

export const retellConfigServer = defineServer({
  name: "retell.config",
  version: "1.0.0",
  description: "Retell-Einstellungen der Firma: Webhook, Ereignisse, eigene Funktionen, API-Schlüssel und Webhook-Test.",
  health: retellHealth,
  methods: [
    defineMethod({
      name: "retell.config.getWebhookConfiguration",
      description: "Webhook-URL, maskierter Signaturschlüssel, Ereignisse und letztes Testergebnis.",
      params: s.empty,
      result: s.webhookConfigurationResult,
      kind: "read",
      roles: ["admin"], // read behind an admin-only page
      handler: (ctx) => getWebhookConfiguration(ctx),
    }),
    defineMethod({
      name: "retell.config.updateWebhookSettings",
      description: "Speichert die Webhook-Ereignisse und überträgt sie an die Retell-Agenten der Firma.",
      params: s.updateWebhookSettingsParams,
      result: s.updateWebhookSettingsResult,
      kind: "write",
      audit: { entity: "retell" },
      handler: updateWebhookSettings,
    }),
    defineMethod({
      name: "retell.config.getCustomFunctions",
      description: "Eigene, globale und eingebaute Funktionen des Telefonassistenten.",
      params: s.empty,
      result: s.getCustomFunctionsResult,
      kind: "read",
      roles: ["admin"], // read behind an admin-only page
      handler: (ctx) => getCustomFunctions(ctx),
    }),
    defineMethod({
      name: "retell.config.createCustomFunction",
      description: "Legt eine eigene Funktion an (externer Aufruf oder Datenerfassung) und überträgt sie an Retell.",
      params: s.createCustomFunctionParams,
      result: s.functionWriteResult,
      kind: "write",
      audit: { entity: "custom_function" },
      handler: createCustomFunction,
    }),
    defineMethod({
      name: "retell.config.updateCustomFunction",
      description: "Ändert eine Funktion; aktive Funktionen werden an Retell übertragen.",
      params: s.updateCustomFunctionParams,
      result: s.functionWriteResult,
      kind: "write",
      audit: { entity: "custom_function", id: (p) => p?.function_id },
      handler: updateCustomFunction,
    }),
    defineMethod({
      name: "retell.config.deleteCustomFunction",
      description: "Löscht eine eigene Funktion.",
      params: s.deleteCustomFunctionParams,
      result: s.deleteCustomFunctionResult,
      kind: "write",
      audit: { entity: "custom_function", id: (p) => p?.function_id },
      handler: deleteCustomFunction,
    }),
    defineMethod({
      name: "retell.config.deployFunctions",
      description: "Überträgt alle aktiven Funktionen (eingebaute eingeschlossen) als Werkzeuge an die Retell-Agenten der Firma.",
      params: s.empty,
      result: s.deployFunctionsResult,
      kind: "write",
      audit: { entity: "retell" },
      handler: (ctx) => deployAllFunctions(ctx),
    }),
    defineMethod({
      name: "retell.config.testWebhook",
      description: "Sendet ein signiertes Testereignis an die eigene Webhook-URL und misst die Antwort.",
      params: s.empty,
      result: s.testWebhookResult,
      kind: "write",
      audit: { entity: "retell" },
      handler: (ctx) => testWebhook(ctx),
    }),
    defineMethod({
      name: "retell.config.setApiKey",
      description: "Hinterlegt den Retell-API-Schlüssel verschlüsselt; er wird nie wieder ausgegeben, nur maskiert.",
      params: s.setApiKeyParams,
      result: s.apiKeyResult,
      kind: "write",
      audit: { entity: "retell" },
      handler: setApiKey,
    }),
    defineMethod({
      name: "retell.config.rotateApiKey",
      description: "Wechselt auf einen neuen, in Retell erzeugten Schlüssel, nachdem Retell ihn akzeptiert hat.",
      params: s.rotateApiKeyParams,
      result: s.rotateApiKeyResult,
      kind: "write",
      audit: { entity: "retell" },
      handler: rotateApiKey,
    }),
    defineMethod({
      name: "retell.config.revealApiKey",
      description: "Zeigt den Retell-API-Schlüssel im Klartext (nur Administratoren, wird protokolliert).",
      params: s.empty,
      result: s.revealApiKeyResult,
      kind: "read",
      roles: ["admin"],
      handler: (ctx) => revealApiKey(ctx),
    }),
  ],
});
