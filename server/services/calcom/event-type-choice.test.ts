/**
 * Choosing a service's Cal.com event type (Einstellungen → Leistungen): the form's pure helpers
 * (components/settings/calcom-event-types.ts; tests of the repository run under server/), and
 * the list it reads through calcom.getEventTypes from the fake Cal.com over HTTP, also when
 * Cal.com fails.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { chosenEventType, durationMismatch, eventTypeLabel, eventTypeOptions } from "@/components/settings/calcom-event-types";
import { callMethod, type DoorContext } from "@/server/core/dispatch";
import { ErrorCodes } from "@/server/core/errors";
import { startFakeCalcom, type FakeCalcom } from "@/server/integrations/fakes/calcom-server";
import { setCache } from "@/server/platform/cache";
import { MemoryCache } from "@/server/platform/cache/memory";
import { configureResilience, resetCircuits } from "@/server/platform/resilience";
import { FIXED_NOW, seededTestDb } from "@/server/testing/retell";
import type * as s from "./schemas";

const haarschnitt = { id: 1001, title: "Haarschnitt", length_in_minutes: 30 };
const faerben = { id: 1002, title: "Färben", length_in_minutes: 90 };

describe("the form's helpers", () => {
  it("labels an event type with title and duration", () => {
    expect(eventTypeLabel(haarschnitt)).toBe("Haarschnitt · 30 Min.");
  });

  it("offers Cal.com's event types and keeps a held id Cal.com no longer lists", () => {
    expect(eventTypeOptions([haarschnitt, faerben], ["", "1001"])).toEqual([
      { value: "1001", label: "Haarschnitt · 30 Min." },
      { value: "1002", label: "Färben · 90 Min." },
    ]);
    expect(eventTypeOptions([haarschnitt], ["4711", "4711"])).toEqual([
      { value: "4711", label: "Terminart 4711 (in Cal.com nicht gefunden)" },
      { value: "1001", label: "Haarschnitt · 30 Min." },
    ]);
  });

  it("warns when the chosen event type lasts otherwise than the service", () => {
    expect(durationMismatch({ ...haarschnitt, length_in_minutes: 45 }, "30")).toBe("Die Dauer in Cal.com (45 Min.) weicht von der Leistung ab (30 Min.).");
    expect(durationMismatch(haarschnitt, "30")).toBeNull();
    expect(durationMismatch(haarschnitt, " 30 ")).toBeNull();
    // Nothing chosen, or no duration typed yet: nothing to compare.
    expect(durationMismatch(undefined, "30")).toBeNull();
    expect(durationMismatch(haarschnitt, "")).toBeNull();
    expect(durationMismatch(haarschnitt, "3,5")).toBeNull();
  });

  it("finds the chosen event type by the select's value", () => {
    expect(chosenEventType([haarschnitt, faerben], "1002")).toBe(faerben);
    expect(chosenEventType([haarschnitt, faerben], "")).toBeUndefined();
    expect(chosenEventType([haarschnitt, faerben], "4711")).toBeUndefined();
  });
});

describe("calcom.getEventTypes for the form", () => {
  const API_KEY = "cal_live_0123456789abcdef";
  let db: Awaited<ReturnType<typeof seededTestDb>>;
  let calcom: FakeCalcom;
  let door: DoorContext;
  const eventTypes = async () => (await callMethod("calcom.getEventTypes", {}, door)).data as z.output<typeof s.getEventTypesResult>;

  beforeAll(async () => {
    db = await seededTestDb();
    calcom = await startFakeCalcom({
      apiKey: API_KEY,
      now: () => FIXED_NOW,
      eventTypes: [
        { id: 1001, title: "Herrenhaarschnitt", slug: "herrenhaarschnitt", lengthInMinutes: 45 },
        { id: 1002, title: "Färben", slug: "faerben", lengthInMinutes: 90 },
        { id: 1003, title: "Intern", slug: "intern", lengthInMinutes: 15, hidden: true },
      ],
    });
    door = { companyId: db.companyId, actor: { type: "user", id: "admin", role: "admin" }, correlationId: "t", db: db.prisma, now: () => FIXED_NOW };
    await db.prisma.service.updateMany({ where: { companyId: db.companyId, name: "Herrenhaarschnitt" }, data: { calcomEventTypeId: 1001 } });
    await callMethod("calcom.updateConnection", { provider: "calcom", base_url: calcom.url, api_key: API_KEY }, door);
  });
  afterAll(async () => {
    await calcom.close();
    await db.close();
  });
  beforeEach(() => {
    setCache(new MemoryCache());
    resetCircuits();
    configureResilience("calcom", { initialDelayMs: 1, maxDelayMs: 2 });
  });

  it("lists the bookable event types with their durations, and a warning follows from the service's own", async () => {
    const result = await eventTypes();
    expect(result.provider).toBe("calcom");
    expect(result.event_types.map((e) => [e.id, e.title, e.length_in_minutes])).toEqual([
      [1001, "Herrenhaarschnitt", 45],
      [1002, "Färben", 90],
    ]);
    const service = await db.prisma.service.findFirstOrThrow({ where: { companyId: db.companyId, name: "Herrenhaarschnitt" } });
    const chosen = chosenEventType(result.event_types, String(service.calcomEventTypeId));
    expect(durationMismatch(chosen, String(service.durationMinutes))).toBe(
      `Die Dauer in Cal.com (45 Min.) weicht von der Leistung ab (${service.durationMinutes} Min.).`,
    );
  });

  it("answers in German when Cal.com fails, and the service keeps its event type", async () => {
    calcom.state.failNext(10);
    try {
      const error = await callMethod("calcom.getEventTypes", {}, door).then(
        () => null,
        (e: { code: number; message: string }) => e,
      );
      expect(error).toMatchObject({ code: ErrorCodes.CALCOM_BOOKING_FAILED, message: expect.stringMatching(/^Der Kalender ist gerade nicht erreichbar\./) });
    } finally {
      calcom.state.failNext(0);
    }
    const service = await db.prisma.service.findFirstOrThrow({ where: { companyId: db.companyId, name: "Herrenhaarschnitt" } });
    expect(service.calcomEventTypeId).toBe(1001);
  });
});
