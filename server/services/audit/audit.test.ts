/**
 * The Protokoll through tRPC as the dashboard reads it: a booking's row names the admin and the
 * appointment, key reveals and token changes leave rows, filters and pages work, other companies
 * see nothing, staff are refused, secrets never show.
 */
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import { createRpcHandler } from "@/server/doors/jsonrpc/handler";
import { appRouter } from "@/server/doors/trpc/root";
import { seedOtherDemoCompany } from "@/server/seed/other-company";
import type { AppointmentDto, SlotDto } from "@/server/services/appointments/schemas";
import { databasePerFile } from "@/server/testing/database-per-file";
import { DEMO_KEY, FIXED_NOW, seededTestDb } from "@/server/testing/retell";
import { serveFetchHandler } from "@/server/testing/serve";
import { callTrpc, sessionsOf } from "@/server/testing/trpc";
import type { z } from "zod";
import type { listResult } from "./schemas";

type Entries = z.output<typeof listResult>;

let db: Awaited<ReturnType<typeof seededTestDb>>;
let admin: Session;
let staff: Session;
let otherAdmin: Session;
let otherCompanyId: string;

const call = (path: string, session: Session, input?: unknown, mutation = false) =>
  callTrpc(appRouter, path, session, input, { db: db.prisma, mutation, now: () => FIXED_NOW });

async function list(input: object, session = admin): Promise<Entries> {
  const res = await call("audit.list", session, input);
  expect(res.error?.message).toBeUndefined();
  return res.data as Entries;
}

/** A row as an older write or another door left it, at a chosen time. */
function row(data: { method: string; createdAt: Date; companyId?: string } & Record<string, unknown>) {
  return db.prisma.auditLog.create({ data: { companyId: db.companyId, actorType: "system", outcome: "success", ...data } });
}

databasePerFile(async () => {
  db = await seededTestDb();
  ({ admin, staff } = await sessionsOf(db.prisma, db.companyId));
  otherCompanyId = await seedOtherDemoCompany(db.prisma, { now: FIXED_NOW });
  otherAdmin = (await sessionsOf(db.prisma, otherCompanyId)).admin;
  return db;
});

describe("Protokoll: what the dashboard's own actions leave", () => {
  let booked: AppointmentDto;

  it("names the admin who booked and the appointment, and links to it", async () => {
    const branch = await db.prisma.branch.findFirstOrThrow({ where: { companyId: db.companyId }, orderBy: { name: "asc" } });
    const service = await db.prisma.service.findFirstOrThrow({ where: { companyId: db.companyId, name: "Herrenhaarschnitt" } });
    const free = await call("appointments.checkAvailability", admin, { branch_id: branch.id, service_id: service.id, date: "2026-03-16" });
    const slot = (free.data as { slots: SlotDto[] }).slots[0]!;
    const res = await call(
      "appointments.book",
      admin,
      { branch_id: branch.id, service_id: service.id, date: "2026-03-16", time: slot.time, customer_name: "Protokoll Probe", customer_phone: "0170 5550101" },
      true,
    );
    expect(res.status).toBe(200);
    booked = (res.data as { appointment: AppointmentDto }).appointment;

    const { entries } = await list({ entity_type: "appointment", entity_id: booked.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: { type: "user", type_label: "Benutzer", name: admin.user.name },
      action: { method: "appointments.book", label: "Termin gebucht" },
      entity: { type: "appointment", label: "Termin", id: booked.id, href: `/termine/${booked.id}` },
      outcome: "success",
      outcome_label: "Erfolgreich",
    });
    const stored = await db.prisma.auditLog.findFirstOrThrow({ where: { method: "appointments.book", entityId: booked.id } });
    expect(stored).toMatchObject({ actorName: admin.user.name, actorId: admin.user.id, entityType: "appointment" });
  });

  it("leaves a row with the admin's name when the Retell key is revealed, without the key", async () => {
    const revealed = await call("retell.config.revealApiKey", admin, {});
    expect(revealed.data).toEqual({ api_key: DEMO_KEY });
    const { entries } = await list({ action: "retell.config.revealApiKey" });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: { name: admin.user.name }, action: { label: "Retell-Schlüssel angezeigt" }, entity: { type: "retell", href: "/retell" } });
    expect(JSON.stringify(entries)).not.toContain(DEMO_KEY);
  });

  it("leaves rows for creating and revoking an API token, named by the token's id and without the token", async () => {
    const created = await call("dashboard.tokens.create", admin, { name: "Kassensystem", allowed_servers: ["appointments"] }, true);
    const { token, info } = created.data as { token: string; info: { id: string } };
    await call("dashboard.tokens.revoke", admin, { id: info.id }, true);
    const { entries } = await list({ entity_type: "api_token", entity_id: info.id });
    expect(entries.map((e) => e.action.label)).toEqual(["API-Token widerrufen", "API-Token erstellt"]);
    expect(entries.every((e) => e.actor.name === admin.user.name && e.entity?.href === "/api-tokens")).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(token);
    expect(JSON.stringify(entries)).not.toContain(token.slice(12));
  });

  it("names the API token that changed something over the gateway", async () => {
    const created = await call("dashboard.tokens.create", admin, { name: "Warenwirtschaft", allowed_servers: ["knowledge"] }, true);
    const { token, info } = created.data as { token: string; info: { id: string } };
    const gateway = await serveFetchHandler(createRpcHandler({ db: db.prisma, now: () => FIXED_NOW }));
    try {
      const res = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "knowledge.upsert", params: { category: "Allgemein", title: "Parken", content: "Parkplätze im Hof." } }),
      });
      expect(((await res.json()) as { error?: unknown }).error).toBeUndefined();
    } finally {
      await gateway.close();
    }
    const { entries } = await list({ actor: `token:${info.id}` });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: { type: "token", type_label: "API-Token", name: "Warenwirtschaft" }, action: { label: "Wissenseintrag gespeichert" }, entity: { type: "knowledge", href: "/wissen" } });
    expect(entries[0]!.entity?.id).toEqual(expect.any(String));
  });

  it("filters by user, action group and outcome", async () => {
    const staffBooking = await call("appointments.cancel", staff, { appointment_id: "gibt-es-nicht" }, true);
    expect(staffBooking.status).toBeGreaterThanOrEqual(400);

    const byAdmin = await list({ actor: `user:${admin.user.id}`, limit: 100 });
    expect(byAdmin.entries.length).toBeGreaterThanOrEqual(4);
    expect(byAdmin.entries.every((e) => e.actor.name === admin.user.name)).toBe(true);

    const byStaff = await list({ actor: `user:${staff.user.id}` });
    expect(byStaff.entries.map((e) => [e.action.label, e.outcome, e.entity?.id])).toEqual([["Termin storniert", "error", "gibt-es-nicht"]]);

    const bookings = await list({ action: "termin_gebucht" });
    expect(bookings.entries.map((e) => e.entity?.id)).toEqual([booked.id]);
    const failures = await list({ outcome: "error" });
    expect(failures.entries.map((e) => e.action.method)).toEqual(["appointments.cancel"]);
    const keysAndTokens = await list({ action: "schluessel" });
    expect([...new Set(keysAndTokens.entries.map((e) => e.action.method))].sort()).toEqual(["retell.config.revealApiKey", "tokens.create", "tokens.revoke"]);
  });
});

describe("Protokoll: reading", () => {
  it("filters by days of the company (dd.MM.yyyy or ISO, both included) and pages newest first by cursor", async () => {
    const methods = ["probe.a", "probe.b", "probe.c", "probe.d"];
    // 31.01. 23:30 Berlin is still January; 01.02. 00:30 Berlin is February.
    const times = ["2026-01-31T22:30:00Z", "2026-01-31T23:30:00Z", "2026-02-01T12:00:00Z", "2026-02-02T09:00:00Z"];
    for (let i = 0; i < methods.length; i++) await row({ method: methods[i]!, createdAt: new Date(times[i]!), entityType: "probe" });

    const feb1 = await list({ entity_type: "probe", date_from: "01.02.2026", date_to: "01.02.2026" });
    expect(feb1.entries.map((e) => e.action.method)).toEqual(["probe.c", "probe.b"]);
    const fromFeb2 = await list({ entity_type: "probe", date_from: "2026-02-02" });
    expect(fromFeb2.entries.map((e) => e.action.method)).toEqual(["probe.d"]);
    const untilJan31 = await list({ entity_type: "probe", date_to: "31.01.2026" });
    expect(untilJan31.entries.map((e) => e.action.method)).toEqual(["probe.a"]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Entries = await list({ entity_type: "probe", limit: 3, cursor });
      // Methods without a German label show their own name.
      seen.push(...page.entries.map((e) => e.action.label));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(["probe.d", "probe.c", "probe.b", "probe.a"]);

    expect((await call("audit.list", admin, { date_from: "31.02.2026" })).status).toBe(400);
  });

  it("shows only the own company's rows", async () => {
    await row({ method: "probe.other", createdAt: FIXED_NOW, companyId: otherCompanyId, entityType: "probe", entityId: "fremd" });
    expect((await list({ entity_type: "probe", entity_id: "fremd" })).entries).toEqual([]);
    const theirs = await list({ limit: 100 }, otherAdmin);
    expect(theirs.entries.map((e) => e.action.method)).toEqual(["probe.other"]);
    const options = (await call("audit.filters", otherAdmin, {})).data as { actors: Array<{ value: string }> };
    expect(options.actors.some((a) => a.value === `user:${admin.user.id}`)).toBe(false);
  });

  it("refuses staff", async () => {
    expect((await call("audit.list", staff, {})).status).toBe(403);
    expect((await call("audit.filters", staff, {})).status).toBe(403);
  });

  it("names users of older rows, links a phone call's row to the call, and hides secrets in details", async () => {
    const seededCall = await db.prisma.call.create({ data: { companyId: db.companyId, retellCallId: "call_protokoll_1" } });
    await row({ method: "probe.phone", createdAt: FIXED_NOW, actorType: "retell", actorId: seededCall.retellCallId, entityType: "retell_call", entityId: seededCall.retellCallId });
    await row({
      method: "probe.old",
      createdAt: FIXED_NOW,
      actorType: "user",
      actorId: admin.user.id,
      details: { api_key: "key_abcdefgh12345", stripe: "sk_live_123456", note: "bleibt" },
    });
    const phone = (await list({ action: "probe.phone" })).entries[0]!;
    expect(phone).toMatchObject({ actor: { type_label: "Telefonassistent", name: null }, entity: { type: "call", id: seededCall.id, href: `/anrufe/${seededCall.id}` } });
    expect((await list({ entity_type: "call", entity_id: seededCall.id })).entries.map((e) => e.action.method)).toEqual(["probe.phone"]);

    const old = (await list({ action: "probe.old" })).entries[0]!;
    expect(old.actor.name).toBe(admin.user.name);
    expect(old.details).toEqual({ api_key: "[verborgen]", stripe: "[verborgen]", note: "bleibt" });
  });

  it("offers the company's users and tokens, the action groups and the entity types as filter options", async () => {
    const options = (await call("audit.filters", admin, {})).data as { actors: Array<{ value: string; label: string }>; actions: Array<{ value: string }>; entities: Array<{ value: string; label: string }> };
    expect(options.actors).toContainEqual(expect.objectContaining({ value: `user:${admin.user.id}`, label: admin.user.name }));
    expect(options.actors).toContainEqual(expect.objectContaining({ value: "retell", label: "Telefonassistent" }));
    expect(options.actions.map((a) => a.value)).toContain("termin_gebucht");
    expect(options.entities).toContainEqual({ value: "appointment", label: "Termin" });
  });
});

