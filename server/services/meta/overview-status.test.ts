/**
 * The overview's service status in plain German (components/dashboard/overview/server-health.ts;
 * tests of the repository run under server/): one line per faulty check with what to do.
 */
import { describe, expect, it } from "vitest";
import { checkDetail, checkFindings, healthSummary } from "@/components/dashboard/overview/server-health";
import type { ServerCheck } from "./schemas";

const at = "2026-03-11T09:00:00.000Z";
const database: ServerCheck = { status: "healthy", message: "Die Datenbank antwortet.", action: null, latency_ms: 1.4, checked_at: at, check: "database", check_label: "Datenbank" };
const retellDown: ServerCheck = {
  status: "down",
  message: "Retell lehnt den API-Schlüssel ab.",
  action: "API-Schlüssel unter Einstellungen → Retell prüfen",
  latency_ms: 12,
  checked_at: at,
  check: "retell",
  check_label: "Retell",
};
const noCalendar: ServerCheck = { ...database, status: "not_configured", message: "Der eingebaute Kalender ist aktiv; Cal.com ist nicht angebunden.", latency_ms: null, check: "calcom", check_label: "Cal.com" };

describe("overview service status", () => {
  it("calls every server ready when only unused connections are not set up", () => {
    expect(healthSummary({ company: database, appointments: database, calcom: noCalendar })).toBe("Alle 3 Dienste sind bereit.");
  });

  it("counts the impaired servers and lists each faulty check once, with its action and where to take it", () => {
    const checks = { company: database, retell: retellDown, "retell.config": retellDown, calcom: noCalendar };
    expect(healthSummary(checks)).toBe("2 von 4 Diensten gestört.");
    const { faults, notConfigured } = checkFindings(checks);
    expect(faults).toEqual([
      {
        check: "retell",
        label: "Retell",
        status: "down",
        message: "Retell lehnt den API-Schlüssel ab.",
        action: "API-Schlüssel unter Einstellungen → Retell prüfen",
        href: "/einstellungen?bereich=retell",
        servers: ["retell", "retell.config"],
      },
    ]);
    expect(notConfigured.map((f) => f.label)).toEqual(["Cal.com"]);
  });

  it("sends a missing agent to Agenten & Nummern and calls a degraded service impaired", () => {
    const degraded = { ...retellDown, status: "degraded" as const, message: "Der Agent „agent_x“ ist in Retell nicht vorhanden." };
    expect(healthSummary({ retell: degraded, company: database })).toBe("1 von 2 Diensten eingeschränkt.");
    expect(checkFindings({ retell: degraded }).faults[0]!.href).toBe("/agenten");
  });

  it("details a check with its latency and the time it ran", () => {
    expect(checkDetail(database, () => "10:00")).toBe("Die Datenbank antwortet. Antwortzeit 1 ms. Geprüft um 10:00 Uhr.");
    expect(checkDetail({ ...database, latency_ms: 0.4 }, () => "10:00")).toBe("Die Datenbank antwortet. Antwortzeit unter 1 ms. Geprüft um 10:00 Uhr.");
    expect(checkDetail(noCalendar, () => "10:00")).toBe("Der eingebaute Kalender ist aktiv; Cal.com ist nicht angebunden. Geprüft um 10:00 Uhr.");
  });
});
