import { defineMethod, defineServer } from "@/server/core/types";
import * as s from "./schemas";
import { listNotifications, markNotificationsSeen } from "./service";

export const notificationsServer = defineServer({
  name: "notifications",
  version: "1.0.0",
  description: "Benachrichtigungen im Dashboard: neue Telefonbuchungen und neue Rückruf-Aufgaben, mit der Zahl der ungelesenen je Benutzer.",
  methods: [
    defineMethod({
      name: "notifications.list",
      description: "Die jüngsten Benachrichtigungen (Telefonbuchungen, Rückrufe) und wie viele davon der angemeldete Benutzer noch nicht gesehen hat.",
      params: s.listParams,
      result: s.listResult,
      kind: "read",
      handler: listNotifications,
    }),
    defineMethod({
      name: "notifications.markSeen",
      description: "Markiert alle bisherigen Benachrichtigungen für den angemeldeten Benutzer als gelesen.",
      params: s.markSeenParams,
      result: s.markSeenResult,
      kind: "write",
      roles: ["admin", "staff"],
      audit: { entity: "user" },
      handler: (ctx) => markNotificationsSeen(ctx),
    }),
  ],
});
