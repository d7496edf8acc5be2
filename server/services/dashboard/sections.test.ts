import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { AppError } from "@/server/core/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { seedDemo } from "@/server/seed/demo";
import { getSectionFigures } from "./sections";

const NOW = new Date("2026-03-10T08:00:00Z");

let testDb: TestDb;
let db: PrismaClient;
let companyId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.prisma;
  companyId = await seedDemo(db, { now: NOW });
});

afterAll(async () => {
  await testDb?.close();
});

const admin = () => ({ db, companyId, now: () => NOW, role: "admin" as const });
const staff = () => ({ ...admin(), role: "staff" as const });

describe("getSectionFigures", () => {
  it("counts the demo company's appointments, knowledge and phone numbers", async () => {
    expect(await getSectionFigures(staff(), "termine")).toEqual({ primary: 9, secondary: 3 });
    expect(await getSectionFigures(staff(), "wissen")).toEqual({ primary: 3, secondary: 0 });
    expect(await getSectionFigures(admin(), "agenten")).toEqual({ primary: 1, secondary: 1 });
  });

  it("reports empty sections as zero", async () => {
    expect(await getSectionFigures(staff(), "anrufe")).toEqual({ primary: 0, secondary: 0 });
    expect(await getSectionFigures(admin(), "api-tokens")).toEqual({ primary: 0, secondary: 0 });
    expect(await getSectionFigures(admin(), "funktionen")).toEqual({ primary: 0, secondary: 0 });
  });

  it("counts waiting and failed jobs of the queue, not finished ones or other companies'", async () => {
    await db.outboxJob.createMany({
      data: [
        { companyId, kind: "email", payload: {}, state: "pending" },
        { companyId, kind: "email", payload: {}, state: "processing" },
        { companyId, kind: "email", payload: {}, state: "failed" },
        { companyId, kind: "email", payload: {}, state: "done" },
        { companyId: null, kind: "email", payload: {}, state: "pending" },
      ],
    });
    expect(await getSectionFigures(staff(), "warteschlange")).toEqual({ primary: 2, secondary: 1 });
  });

  it("counts revoked API tokens separately", async () => {
    await db.apiToken.createMany({
      data: [
        { companyId, name: "CRM", prefix: "apk_1", tokenHash: "h1" },
        { companyId, name: "Alt", prefix: "apk_2", tokenHash: "h2", revokedAt: NOW },
      ],
    });
    expect(await getSectionFigures(admin(), "api-tokens")).toEqual({ primary: 1, secondary: 1 });
  });

  it("refuses admin sections to staff with a German FORBIDDEN error", async () => {
    for (const section of ["funktionen", "agenten", "api-tokens"] as const) {
      const err = await getSectionFigures(staff(), section).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 3006, message: "Keine Berechtigung für diesen Bereich." });
    }
  });
});
