import { describe, expect, it } from "vitest";
import type { AppointmentDto } from "@/server/services/appointments/schemas";
import { byStaff, printHref, printQuery } from "./print-day";

function appointment(id: string, startsAt: string, staffId: string | null, staff: string, status: AppointmentDto["status"] = "scheduled"): AppointmentDto {
  // Only the fields the plan reads matter; the cast keeps the fixture valid as the DTO grows.
  return {
    id,
    starts_at: startsAt,
    ends_at: startsAt,
    date: "15.12.2026",
    time: "",
    weekday: "Dienstag",
    service: "Schnitt",
    service_id: "s",
    staff,
    staff_id: staffId,
    branch: "Mitte",
    branch_id: "b",
    customer_id: "c",
    customer_name: "Kundin",
    customer_phone: "+4917112345670",
    status,
    source: "dashboard",
    can_modify: true,
    notes: null,
    external_uid: null,
    rescheduled_at: null,
    rescheduled_by: null,
    reschedule_reason: null,
    cancelled_at: null,
    cancelled_by: null,
    cancellation_reason: null,
  } as AppointmentDto;
}

describe("byStaff", () => {
  it("makes one section per staff member by name, each in time order, the unassigned last, without cancelled ones", () => {
    const sections = byStaff([
      appointment("1", "2026-12-15T10:00:00Z", null, "Beliebiger Mitarbeiter"),
      appointment("2", "2026-12-15T12:00:00Z", "st-j", "Jonas Wagner"),
      appointment("3", "2026-12-15T09:00:00Z", "st-a", "Anna Becker"),
      appointment("4", "2026-12-15T08:00:00Z", "st-j", "Jonas Wagner"),
      appointment("5", "2026-12-15T07:00:00Z", "st-a", "Anna Becker", "cancelled"),
      appointment("6", "2026-12-15T11:00:00Z", "st-a", "Anna Becker", "no_show"),
    ]);
    expect(sections.map((s) => [s.staff, s.appointments.map((a) => a.id)])).toEqual([
      ["Anna Becker", ["3", "6"]],
      ["Jonas Wagner", ["4", "2"]],
      ["Beliebiger Mitarbeiter", ["1"]],
    ]);
  });

  it("has no section for a staff member whose only appointment was cancelled", () => {
    expect(byStaff([appointment("1", "2026-12-15T10:00:00Z", "st-a", "Anna Becker", "cancelled")])).toEqual([]);
  });
});

describe("print address", () => {
  it("carries day and branch there and back", () => {
    const href = printHref("2026-12-15", "branch-1");
    expect(href).toBe("/termine/druck?datum=2026-12-15&filiale=branch-1");
    expect(printQuery(new URL(href, "http://x").searchParams, "2026-11-29")).toEqual({ day: "2026-12-15", branch: "branch-1" });
  });

  it("takes today for a missing or wrong day", () => {
    expect(printQuery(new URLSearchParams("datum=2026-02-31"), "2026-11-29")).toEqual({ day: "2026-11-29" });
    expect(printQuery(new URLSearchParams(""), "2026-11-29")).toEqual({ day: "2026-11-29" });
  });
});
