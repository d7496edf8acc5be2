import { defineMethod, defineServer } from "@/server/core/types";
import { getCall, listCalls, listTasks, setTaskStatus } from "./calls-and-tasks";
import { processWebhookEvent } from "./orchestrator";
import * as s from "./schemas";

export const webhookServer = defineServer({
  name: "webhook",
  version: "1.0.0",
  description: "Anruf-Ereignisse von Retell: gespeicherte Ereignisse und ihre Verarbeitung (Anruf speichern, verknüpfen, offene Terminwünsche übernehmen), Anrufe und Rückruf-Aufgaben.",
  methods: [
    defineMethod({
      name: "webhook.listEvents",
      description: "Die zuletzt empfangenen Webhook-Ereignisse mit ihrem Verarbeitungsstand.",
      params: s.listEventsParams,
      result: s.listEventsResult,
      kind: "read",
      handler: async (ctx, params) => {
        const rows = await ctx.db.webhookEvent.findMany({
          where: { companyId: ctx.companyId, ...(params.status ? { status: params.status } : {}), ...(params.event ? { event: params.event } : {}) },
          orderBy: { receivedAt: "desc" },
          take: params.limit,
        });
        return {
          events: rows.map((e) => ({
            id: e.id,
            provider: e.provider,
            event: e.event,
            call_id: (e.payload as { call?: { call_id?: string } } | null)?.call?.call_id ?? null,
            status: e.status,
            error: e.error,
            received_at: e.receivedAt.toISOString(),
            processed_at: e.processedAt?.toISOString() ?? null,
          })),
          total: rows.length,
        };
      },
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
      description: "Rückruf-Aufgaben aus Anrufen (z. B. Terminwünsche, die nicht gebucht werden konnten).",
      params: s.listTasksParams,
      result: s.listTasksResult,
      kind: "read",
      handler: listTasks,
    }),
    defineMethod({
      name: "webhook.setTaskStatus",
      description: "Markiert eine Rückruf-Aufgabe als erledigt oder wieder offen.",
      params: s.setTaskStatusParams,
      result: s.setTaskStatusResult,
      kind: "write",
      roles: ["admin", "staff"],
      handler: setTaskStatus,
    }),
  ],
});
