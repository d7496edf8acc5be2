import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { activateUser, changeOwnPassword, createUser, deactivateUser, listUsers, resetPasswordLink, updateUser } from "./service";

/**
 * Dashboard logins. Every method is `configuration` (no ordinary token grant includes it) and
 * the service refuses callers that are not dashboard users anyway.
 */
export const userServer = defineServer({
  name: "user",
  version: "1.0.0",
  description: "Dashboard-Zugänge des Betriebs: anlegen, Rolle ändern, deaktivieren, Passwort-Links; nur im Dashboard nutzbar.",
  methods: [
    defineMethod({
      name: "user.list",
      description: "Listet die Dashboard-Zugänge des Betriebs mit Rolle, Zustand und letzter Anmeldung.",
      params: s.listParams,
      result: s.listResult,
      kind: "read",
      roles: ["admin"],
      configuration: true,
      handler: (ctx) => listUsers(ctx),
    }),
    defineMethod({
      name: "user.create",
      description: "Legt einen Zugang ohne Passwort an und gibt einmalig einen Link zurück, über den die Person ihr Passwort festlegt (72 Stunden gültig).",
      params: s.createParams,
      result: s.createResult,
      kind: "write",
      audit: { entity: "user" },
      roles: ["admin"],
      configuration: true,
      handler: createUser,
    }),
    defineMethod({
      name: "user.update",
      description: "Ändert Name oder Rolle eines Zugangs.",
      params: s.updateParams,
      result: s.updateResult,
      kind: "write",
      audit: { entity: "user" },
      roles: ["admin"],
      configuration: true,
      handler: updateUser,
    }),
    defineMethod({
      name: "user.deactivate",
      description: "Deaktiviert einen Zugang; offene Sitzungen enden bei der nächsten Anfrage.",
      params: s.idParams,
      result: s.userResult,
      kind: "write",
      audit: { entity: "user" },
      roles: ["admin"],
      configuration: true,
      handler: deactivateUser,
    }),
    defineMethod({
      name: "user.activate",
      description: "Aktiviert einen deaktivierten Zugang wieder.",
      params: s.idParams,
      result: s.userResult,
      kind: "write",
      audit: { entity: "user" },
      roles: ["admin"],
      configuration: true,
      handler: activateUser,
    }),
    defineMethod({
      name: "user.resetPasswordLink",
      description: "Erstellt einen neuen einmaligen Link zum Festlegen des Passworts; ein früherer Link wird ungültig.",
      params: s.idParams,
      result: s.resetLinkResult,
      kind: "write",
      audit: { entity: "user" },
      roles: ["admin"],
      configuration: true,
      handler: resetPasswordLink,
    }),
    defineMethod({
      name: "user.changeOwnPassword",
      description: "Ändert das eigene Passwort; alle Sitzungen des Zugangs enden.",
      params: s.changeOwnPasswordParams,
      result: s.changeOwnPasswordResult,
      kind: "write",
      audit: { entity: "user", id: () => null },
      roles: ["admin", "staff"],
      configuration: true,
      // Its own bucket: guessing the current password must not share the admin actions' budget.
      rateLimitClass: "user.password",
      handler: changeOwnPassword,
    }),
  ],
});
