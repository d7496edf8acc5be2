import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { flushWriteBehind } from "@/server/platform/write-behind";
import { databasePerFile } from "@/server/testing/database-per-file";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createDemoTenant, type Tenant } from "@/server/testing/tenants";
import { callMethod, type DoorContext } from "@/server/core/dispatch";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { Registry } from "@/server/core/registry";
import { defineMethod, defineServer, type MethodDef } from "@/server/core/types";

const NOW = new Date("2026-03-02T09:00:00Z");
let db: TestDb;
let demo: Tenant;

databasePerFile(async () => {
  db = await createTestDb();
  demo = await createDemoTenant(db.prisma, NOW);
  return db;
});
beforeEach(async () => {
  await db.prisma.auditLog.deleteMany({});
});

function method(name: string, kind: "read" | "write", result: object, over: Partial<MethodDef> = {}): MethodDef {
  return defineMethod({
    name,
    description: "",
    params: z.looseObject({}),
    result: z.looseObject({}),
    kind,
    handler: async () => result,
    ...over,
  }) as MethodDef;
}

const methods = [
  method("probe.book", "write", { id: "appt-1" }, { audit: { entity: "appointment" } }),
  method("probe.cancel", "write", { ok: true }, { audit: { entity: "appointment" } }),
  method("probe.note", "write", { ok: true }, { audit: { entity: "customer" } }),
  method("probe.wrapped", "write", { appointment: { id: "appt-5" } }, { audit: { entity: "appointment" } }),
  method("probe.custom", "write", { nested: { ref: "t-9" } }, { audit: { entity: "task", id: (_p, r) => r?.nested?.ref } }),
  method("probe.plain", "write", { id: "x" }),
  method("probe.reveal", "read", { key: "geheim" }, { audit: { entity: "company" } }),
  method("probe.list", "read", { id: "r" }),
  method(
    "probe.fail",
    "write",
    {},
    {
      audit: { entity: "appointment" },
      handler: async () => {
        throw new AppError(ErrorCodes.NOT_FOUND, "nicht da");
      },
    },
  ),
];

function door(over: Partial<DoorContext> = {}): DoorContext {
  return {
    companyId: demo.companyId,
    actor: { type: "user", id: "user-anna", name: "Anna Admin", role: "admin" },
    correlationId: "corr-audit",
    db: db.prisma,
    now: () => NOW,
    registry: new Registry([defineServer({ name: "probe", version: "1", description: "", methods })]),
    ...over,
  };
}

async function row(method: string) {
  return db.prisma.auditLog.findFirstOrThrow({ where: { method }, select: { actorName: true, actorType: true, entityType: true, entityId: true, outcome: true } });
}

describe("callMethod's audit row: who and what", () => {
  it("names the user and the entity from the result's id", async () => {
    await callMethod("probe.book", {}, door());
    expect(await row("probe.book")).toEqual({ actorName: "Anna Admin", actorType: "user", entityType: "appointment", entityId: "appt-1", outcome: "success" });
  });

  it("falls back to result.<entity>.id, params.id, then params.<entity>_id, and takes a method's own id function first", async () => {
    await callMethod("probe.wrapped", { appointment_id: "other" }, door());
    await callMethod("probe.cancel", { id: "appt-2" }, door());
    await callMethod("probe.note", { customer_id: "cust-3" }, door());
    await callMethod("probe.custom", { id: "ignored" }, door());
    expect((await row("probe.wrapped")).entityId).toBe("appt-5");
    expect((await row("probe.cancel")).entityId).toBe("appt-2");
    expect((await row("probe.note")).entityId).toBe("cust-3");
    expect(await row("probe.custom")).toMatchObject({ entityType: "task", entityId: "t-9" });
  });

  it("names the entity of a failed write from its params", async () => {
    await expect(callMethod("probe.fail", { appointment_id: "appt-4" }, door())).rejects.toMatchObject({ code: ErrorCodes.NOT_FOUND });
    expect(await row("probe.fail")).toMatchObject({ outcome: "error", entityType: "appointment", entityId: "appt-4" });
  });

  it("leaves the entity empty for writes without `audit`", async () => {
    await callMethod("probe.plain", {}, door());
    expect(await row("probe.plain")).toMatchObject({ entityType: null, entityId: null, actorName: "Anna Admin" });
  });

  it("audits a read marked `audit` (a reveal) and no other read", async () => {
    await callMethod("probe.reveal", {}, door());
    await callMethod("probe.list", {}, door());
    expect(await row("probe.reveal")).toMatchObject({ actorName: "Anna Admin", entityType: "company" });
    expect(await db.prisma.auditLog.count({ where: { method: "probe.list" } })).toBe(0);
  });

  it("carries name and entity in the batched rows of the phone path too", async () => {
    await callMethod("probe.book", {}, door({ batchAudit: true, actor: { type: "token", id: "tok-1", name: "CRM-Anbindung", allowedServers: ["probe"] } }));
    await flushWriteBehind();
    expect(await row("probe.book")).toEqual({ actorName: "CRM-Anbindung", actorType: "token", entityType: "appointment", entityId: "appt-1", outcome: "success" });
  });
});
