import { CacheTags } from "@/server/core/cache-keys";
import { SERVICE_CACHE_TAG } from "@/server/services/service/methods";
import { defineMethod, defineServer } from "@/server/core/types";
import { absenceConflicts, addAbsence, listAbsences, removeAbsence } from "./absences";
import * as s from "./schemas";
import { createStaff, listStaff, updateStaff } from "./service";

/** Cache tag of staff reads; methods that change staff list it in `invalidates`. */
export const STAFF_CACHE_TAG = CacheTags.staff;

export const staffServer = defineServer({
  name: "staff",
  version: "1.0.0",
  description: "Mitarbeitende der Firma mit Filiale, Arbeitszeiten und angebotenen Leistungen.",
  methods: [
    defineMethod({
      name: "staff.list",
      description: "Listet die Mitarbeitenden (standardmäßig nur aktive), optional einer Filiale.",
      params: s.listParams,
      result: s.listResult,
      kind: "read",
      cache: { ttlSeconds: 60, tags: [STAFF_CACHE_TAG] },
      handler: listStaff,
    }),
    defineMethod({
      name: "staff.create",
      description: "Legt eine Person an: Filiale, angebotene Leistungen und wöchentliche Arbeitszeiten.",
      params: s.createParams,
      result: s.createResult,
      kind: "write",
      audit: { entity: "staff" },
      // Service reads list who offers them.
      invalidates: [STAFF_CACHE_TAG, SERVICE_CACHE_TAG],
      handler: createStaff,
    }),
    defineMethod({
      name: "staff.update",
      description: "Ändert die genannten Felder einer Person; service_ids und working_hours ersetzen die bisherigen; is_active: false deaktiviert sie.",
      params: s.updateParams,
      result: s.updateResult,
      kind: "write",
      audit: { entity: "staff" },
      invalidates: [STAFF_CACHE_TAG, SERVICE_CACHE_TAG],
      handler: updateStaff,
    }),
    defineMethod({
      name: "staff.listAbsences",
      description: "Listet Abwesenheiten (Urlaub, Krankheit), auch vergangene (past), optional einer Person.",
      params: s.listAbsencesParams,
      result: s.listAbsencesResult,
      kind: "read",
      roles: ["admin"], // read behind an admin-only page
      handler: listAbsences,
    }),
    defineMethod({
      name: "staff.addAbsence",
      description: "Trägt eine Abwesenheit ein: ganze Tage von from_date bis to_date (Zeitzone der Filiale), optional mit Uhrzeiten (halbe Tage, Stunden). Überlappende Abwesenheiten der Person werden zusammengeführt; die Antwort nennt die gebuchten Termine in dieser Zeit. In dieser Zeit werden keine Termine vergeben.",
      params: s.addAbsenceParams,
      result: s.addAbsenceResult,
      kind: "write",
      audit: { entity: "staff", id: (p) => p?.staff_id },
      handler: addAbsence,
    }),
    defineMethod({
      name: "staff.absenceConflicts",
      description: "Nennt die gebuchten Termine, die in eine gespeicherte (absence_id) oder geplante Abwesenheit fallen.",
      params: s.absenceConflictsParams,
      result: s.absenceConflictsResult,
      kind: "read",
      roles: ["admin"],
      handler: absenceConflicts,
    }),
    defineMethod({
      name: "staff.removeAbsence",
      description: "Entfernt eine Abwesenheit.",
      params: s.removeAbsenceParams,
      result: s.removeAbsenceResult,
      kind: "write",
      audit: { entity: "absence" },
      handler: removeAbsence,
    }),
  ],
});
