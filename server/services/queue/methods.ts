import { defineMethod, defineServer } from "@/server/core/types";
import { smtpHealth } from "./health";
import * as s from "./schemas";
import { cancelJob, listJobs, queueStats, retryJob } from "./service";

export const queueServer = defineServer({
  name: "queue",
  version: "1.0.0",
  description: "Hintergrundaufträge (Bestätigungen, Webhook-Verarbeitung): Übersicht, Liste, Wiederholen, Abbrechen.",
  health: smtpHealth,
  methods: [
    defineMethod({
      name: "queue.stats",
      description: "Zählt die Aufträge je Zustand.",
      params: s.statsParams,
      result: s.statsResult,
      kind: "read",
      handler: queueStats,
    }),
    defineMethod({
      name: "queue.list",
      description: "Listet Aufträge, optional nach Zustand oder Art gefiltert.",
      params: s.listParams,
      result: s.listResult,
      kind: "read",
      handler: listJobs,
    }),
    defineMethod({
      name: "queue.retry",
      description: "Startet einen fehlgeschlagenen oder abgebrochenen Auftrag neu.",
      params: s.retryParams,
      result: s.retryResult,
      kind: "write",
      audit: { entity: "outbox_job", id: (p) => p?.job_id },
      handler: retryJob,
    }),
    defineMethod({
      name: "queue.cancel",
      description: "Bricht einen wartenden Auftrag ab.",
      params: s.cancelParams,
      result: s.cancelResult,
      kind: "write",
      audit: { entity: "outbox_job", id: (p) => p?.job_id },
      handler: cancelJob,
    }),
  ],
});
