import { defineMethod, defineServer } from "@/server/core/types";
import { listTasks, setTaskStatus } from "./callback-tasks";
import { getCall, listCalls } from "./calls-and-tasks";
import { getEvent, listEvents } from "./event-log";
import { processWebhookEvent } from "./orchestrator";
import { replayEvent } from "./replay";
import * as s from "./schemas";

export const webhookServer = defineServer({
  name: "webhook",
  version: "1.0.0",
  description: "Anruf-Ereignisse von Retell: gespeicherte Ereignisse und ihre Verarbeitung (Anruf speichern, verknüpfen, offene Terminwünsche übernehmen), Anrufe und Rückruf-Aufgaben.",
  methods: [
    defineMethod({
      name: "webhook.listEvents",
      description:
        "Die empfangenen Webhook-Ereignisse (Retell, Cal.com, Stripe), neueste zuerst, mit Verarbeitungsstand, Fehler und Versuchen; Filter nach Quelle, Status, Ereignis und Empfangstag, seitenweise per Cursor. Ohne Nutzdaten.",
      params: s.listEventsParams,
      result: s.listEventsResult,
      kind: "read",
      roles: ["admin"],
      handler: listEvents,
    }),
    defineMethod({
      name: "webhook.getEvent",
      description: "Ein Webhook-Ereignis mit seinen Nutzdaten; Schlüssel, Tokens, Signaturen und Passwörter darin sind verborgen.",
      params: s.getEventParams,
      result: s.getEventResult,
      kind: "read",
      roles: ["admin"],
      handler: getEvent,
    }),
    defineMethod({
      name: "webhook.replayEvent",
      description:
        "Verarbeitet ein fehlgeschlagenes (oder seit Minuten hängendes) Ereignis erneut auf demselben Weg wie beim Empfang und zählt den Versuch. Ein bereits verarbeitetes Ereignis bleibt unverändert.",
      params: s.replayEventParams,
      result: s.replayEventResult,
      kind: "write",
      roles: ["admin"],
      audit: { entity: "webhook_event", id: (params: { event_id: string }) => params.event_id },
      handler: replayEvent,
    }),
    defineMethod({
      name: "webhook.processEvent",
      description: "Verarbeitet ein gespeichertes Ereignis (erneut), z. B. nach einem Fehler.",
      params: s.processEventParams,
      result: s.processEventResult,
      kind: "write",
      handler: (ctx, params) => processWebhookEvent(ctx, params.event_id),
    }),
    defineMethod({
      name: "webhook.listCalls",
      description: "Die gespeicherten Anrufe mit Ergebnis, Kunde und gebuchtem Termin.",
      params: s.listCallsParams,
      result: s.listCallsResult,
      kind: "read",
      handler: listCalls,
    }),
    defineMethod({
      name: "webhook.getCall",
      description: "Ein Anruf mit Transkript und gesammelten Termindaten (per ID oder Retell-Call-ID).",
      params: s.getCallParams,
      result: s.getCallResult,
      kind: "read",
      handler: getCall,
    }),
    defineMethod({
      name: "webhook.listTasks",
      description:
        "Rückruf-Aufgaben aus Anrufen (z. B. Terminwünsche, die nicht gebucht werden konnten), mit Nummer, Kunde, Zusammenfassung und den im Anruf gesammelten Termindaten; Filter nach Status (open, not_reached, done), seitenweise.",
      params: s.listTasksParams,
      result: s.listTasksResult,
      kind: "read",
      handler: listTasks,
    }),
    defineMethod({
      name: "webhook.setTaskStatus",
      description:
        "Setzt den Stand einer Rückruf-Aufgabe: open, done oder not_reached (nicht erreicht), mit Zeit und Namen; appointment_id verknüpft den daraus gebuchten Termin (nur mit done).",
      params: s.setTaskStatusParams,
      result: s.setTaskStatusResult,
      kind: "write",
      roles: ["admin", "staff"],
      audit: { entity: "task" },
      handler: setTaskStatus,
    }),
  ],
});
