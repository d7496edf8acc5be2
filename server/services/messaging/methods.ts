import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { getSmsSettings, sendTestSms, updateSmsSettings } from "./service";

export const messagingServer = defineServer({
  name: "messaging",
  version: "1.0.0",
  description: "SMS-Versand der Firma: Anbieter (Twilio oder seven.io), Zugangsdaten (nur schreibbar), Absender und Test-SMS.",
  methods: [
    defineMethod({
      name: "messaging.getSmsSettings",
      description: "Zeigt den SMS-Anbieter, den Absender und ob Zugangsdaten hinterlegt sind (nie die Zugangsdaten selbst).",
      params: s.getSmsSettingsParams,
      result: s.getSmsSettingsResult,
      kind: "read",
      configuration: true,
      roles: ["admin"],
      handler: getSmsSettings,
    }),
    defineMethod({
      name: "messaging.updateSmsSettings",
      description: "Wählt den SMS-Anbieter (oder keinen) und speichert Zugangsdaten verschlüsselt sowie den Absender. Leere Zugangsdaten behalten die gespeicherten.",
      params: s.updateSmsSettingsParams,
      result: s.updateSmsSettingsResult,
      kind: "write",
      audit: { entity: "messaging" },
      configuration: true,
      roles: ["admin"],
      handler: updateSmsSettings,
    }),
    defineMethod({
      name: "messaging.sendTestSms",
      description: "Sendet eine kurze Test-SMS über den eingerichteten Anbieter und meldet, ob sie angenommen wurde.",
      params: s.sendTestSmsParams,
      result: s.sendTestSmsResult,
      kind: "write",
      audit: { entity: "messaging", id: () => null },
      configuration: true,
      roles: ["admin"],
      handler: sendTestSms,
    }),
  ],
});
