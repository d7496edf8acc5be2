import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation } from "./unique-violation";
import { createTestDb, type TestDb } from "@/server/testing/test-db";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await db.prisma.$executeRaw`INSERT INTO companies (id, slug, name, "updatedAt") VALUES ('c1', 'salon', 'Salon', now())`;
});
afterAll(async () => {
  await db.close();
});

/** The error `write` fails with. */
async function failureOf(write: () => Promise<unknown>): Promise<unknown> {
  try {
    await write();
  } catch (error) {
    return error;
  }
  throw new Error("the write did not fail");
}

describe("isUniqueViolation", () => {
  it("recognises a taken key from a model query, a raw query and a raw query in a transaction", async () => {
    const taken = [
      await failureOf(() => db.prisma.company.create({ data: { id: "c2", slug: "salon", name: "Zweiter" } })),
      await failureOf(() => db.prisma.$queryRaw`INSERT INTO companies (id, slug, name, "updatedAt") VALUES ('c3', 'salon', 'Dritter', now()) RETURNING id`),
      await failureOf(() =>
        db.prisma.$transaction(async (tx) => {
          await tx.$executeRaw`INSERT INTO companies (id, slug, name, "updatedAt") VALUES ('c4', 'salon', 'Vierter', now())`;
        }),
      ),
    ];
    expect(taken.map(isUniqueViolation)).toEqual([true, true, true]);
  });

  it("does not take other refusals of the database for one", async () => {
    const others = [
      await failureOf(() => db.prisma.$queryRaw`INSERT INTO companies (id, slug, "updatedAt") VALUES ('c5', 'ohne-name', now()) RETURNING id`),
      await failureOf(() => db.prisma.$executeRaw`INSERT INTO branches (id, "companyId", name, "updatedAt") VALUES ('b1', 'nobody', 'Filiale', now())`),
      await failureOf(() => db.prisma.company.update({ where: { id: "missing" }, data: { name: "x" } })),
      new Error("duplicate key value violates unique constraint"),
    ];
    expect(others.map(isUniqueViolation)).toEqual([false, false, false, false]);
  });
});
