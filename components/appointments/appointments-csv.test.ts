import { describe, expect, it } from "vitest";
import type { AppointmentDto } from "@/server/services/appointments/schemas";
import { appointmentsCsv, csvFileName } from "./appointments-csv";

const appointment = {
  id: "a1",
  starts_at: "2026-12-15T13:00:00.000Z",
  ends_at: "2026-12-15T13:30:00.000Z",
  date: "15.12.2026",
  time: "14:00",
  weekday: "Dienstag",
  service: "Herrenhaarschnitt",
  service_id: "s1",
  staff: "Jonas Wagner",
  staff_id: "st1",
  branch: "Salon Schönschnitt Mitte",
  branch_id: "b1",
  customer_id: "c1",
  customer_name: "Jörg Groß",
  customer_phone: "+4917112345670",
  status: "no_show",
  source: "phone",
  can_modify: true,
  notes: 'Kurz; "wie immer"\nbitte anrufen',
  external_uid: null,
  rescheduled_at: null,
  rescheduled_by: null,
  reschedule_reason: null,
  cancelled_at: null,
  cancelled_by: null,
  cancellation_reason: null,
} as AppointmentDto;

describe("appointmentsCsv", () => {
  it("writes German columns, the end time in Berlin and German status and source", () => {
    const [header, row, rest] = appointmentsCsv([appointment]).replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe("Datum;Wochentag;Beginn;Ende;Kundschaft;Telefon;Leistung;Mitarbeitende;Filiale;Status;Gebucht über;Notizen");
    expect(row).toBe('15.12.2026;Dienstag;14:00;14:30;Jörg Groß;+4917112345670;Herrenhaarschnitt;Jonas Wagner;Salon Schönschnitt Mitte;Nicht erschienen;Telefonassistent;"Kurz; ""wie immer""\nbitte anrufen"');
    expect(rest).toBe("");
  });

  it("leaves an unknown name and empty notes empty", () => {
    const row = appointmentsCsv([{ ...appointment, customer_name: null, notes: null, status: "scheduled" }]).split("\r\n")[1];
    expect(row).toBe("15.12.2026;Dienstag;14:00;14:30;;+4917112345670;Herrenhaarschnitt;Jonas Wagner;Salon Schönschnitt Mitte;Geplant;Telefonassistent;");
  });
});

describe("csvFileName", () => {
  it("names the range, or the one day", () => {
    expect(csvFileName({ from: "2026-12-01", to: "2026-12-14" })).toBe("termine-2026-12-01-bis-2026-12-14.csv");
    expect(csvFileName({ from: "2026-12-01", to: "2026-12-01" })).toBe("termine-2026-12-01.csv");
  });
});
