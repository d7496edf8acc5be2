/**
 * The overview's system status in an owner's words (components/dashboard/overview/server-health.ts;
 * tests of the repository run under server/): one entry per dependency with a state word and what
 * to do; server names and the operators' hints only for the technical details.
 */
import { describe, expect, it } from "vitest";
import { checkDetail, checkFindings, healthSummary, queueFinding } from "@/components/dashboard/overview/server-health";
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
const sentry: ServerCheck = { ...database, status: "not_configured", message: "Sentry ist nicht eingerichtet.", action: "Optional: SENTRY_DSN setzen", check: "sentry", check_label: "Sentry" };
const mailDown: ServerCheck = { ...database, status: "down", message: "Der Mailserver ist nicht erreichbar.", action: "SMTP_URL der Installation prüfen (Betrieb)", check: "smtp", check_label: "E-Mail-Versand" };

describe("overview system status", () => {
  it("is all ready when only unused connections are not set up", () => {
    const { shown } = checkFindings({ company: database, appointments: database, calcom: noCalendar });
    expect(healthSummary(shown)).toBe("Alles betriebsbereit.");
    expect(shown.map((f) => [f.label, f.status])).toEqual([
      ["Datenbank", "healthy"],
      ["Kalender (Cal.com)", "not_configured"],
    ]);
  });

  it("names each dependency once, in plain words, with what to do and where, and keeps server names for the details", () => {
    const checks = { company: database, retell: retellDown, "retell.config": retellDown, calcom: noCalendar };
    const { shown } = checkFindings(checks);
    expect(healthSummary(shown)).toBe("Retell nicht erreichbar: API-Schlüssel unter Einstellungen → Retell prüfen.");
    expect(shown.find((f) => f.check === "retell")).toMatchObject({
      label: "Retell",
      status: "down",
      message: "Retell lehnt den API-Schlüssel ab.",
      action: "API-Schlüssel unter Einstellungen → Retell prüfen",
      href: "/einstellungen?bereich=retell",
      servers: ["retell", "retell.config"],
    });
  });

  it("sends a missing agent to Agenten & Nummern and calls it impaired", () => {
    const degraded = { ...retellDown, status: "degraded" as const, message: "Der Agent „agent_x“ ist in Retell nicht vorhanden.", action: "Rufnummern einem vorhandenen Agenten zuordnen" };
    const { shown } = checkFindings({ retell: degraded, company: database });
    expect(healthSummary(shown)).toBe("Retell eingeschränkt: Rufnummern einem vorhandenen Agenten zuordnen.");
    expect(shown.find((f) => f.check === "retell")!.href).toBe("/agenten");
  });

  it("asks the owner to call the technical support where only the installation can be fixed, and keeps its settings for the details", () => {
    const { shown, all } = checkFindings({ queue: mailDown, company: database, errors: sentry });
    const mail = shown.find((f) => f.check === "smtp")!;
    expect(mail).toMatchObject({ label: "E-Mail-Versand", action: "Technische Betreuung verständigen", href: null, technicalAction: "SMTP_URL der Installation prüfen (Betrieb)" });
    expect(healthSummary(shown)).toBe("E-Mail-Versand nicht erreichbar: Technische Betreuung verständigen.");
    // Sentry is for the operators: in the technical details only.
    expect(shown.map((f) => f.check)).not.toContain("sentry");
    expect(all.map((f) => f.check)).toContain("sentry");
  });

  it("puts the worst first in the summary", () => {
    const degraded = { ...noCalendar, status: "degraded" as const, action: "Cal.com prüfen" };
    const { shown } = checkFindings({ calendar: degraded, retell: retellDown, company: database });
    expect(healthSummary(shown)).toMatch(/^Retell nicht erreichbar: .*\. Kalender \(Cal\.com\) eingeschränkt: Cal\.com prüfen\.$/);
  });

  it("details a check with its latency and the time it ran", () => {
    const [db] = checkFindings({ company: database }).shown;
    expect(checkDetail(db!, () => "10:00")).toBe("Antwortzeit 1 ms. Geprüft um 10:00 Uhr.");
    expect(checkDetail({ ...db!, latencyMs: 0.4 }, () => "10:00")).toBe("Antwortzeit unter 1 ms. Geprüft um 10:00 Uhr.");
    expect(checkDetail({ ...db!, latencyMs: null }, () => "10:00")).toBe("Geprüft um 10:00 Uhr.");
  });
});

describe("the queue as a dependency", () => {
  it("is ready without failed or long-waiting jobs", () => {
    const queue = queueFinding({ failed: 0, oldestPendingSeconds: 30 }, at);
    expect(queue).toMatchObject({ label: "Warteschlange", status: "healthy", action: null });
    expect(healthSummary([queue])).toBe("Alles betriebsbereit.");
  });

  it("sends the owner to the queue for failed jobs", () => {
    const queue = queueFinding({ failed: 2, oldestPendingSeconds: null }, at);
    expect(queue).toMatchObject({ status: "degraded", message: "2 Aufträge sind fehlgeschlagen (z. B. Bestätigungen).", href: "/warteschlange" });
    expect(healthSummary([queue])).toBe("Warteschlange eingeschränkt: In der Warteschlange erneut versuchen oder abbrechen.");
  });

  it("asks for the technical support when due jobs wait a quarter of an hour", () => {
    expect(queueFinding({ failed: 0, oldestPendingSeconds: 14 * 60 + 59 }, at).status).toBe("healthy");
    expect(queueFinding({ failed: 1, oldestPendingSeconds: 20 * 60 }, at)).toMatchObject({
      status: "degraded",
      message: "Aufträge warten seit 20 Minuten; Bestätigungen und Erinnerungen gehen nicht hinaus.",
      action: "Technische Betreuung verständigen",
      href: null,
    });
  });
});
