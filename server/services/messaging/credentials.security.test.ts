/**
 * SMS credentials at rest: bound to their company and column like every stored secret; a copy
 * in another company's row does not open; the old unbound format is rewritten at start-up.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptSecret, isLegacySecret } from "@/server/platform/crypto";
import { reencryptLegacySecrets } from "@/server/platform/secrets-at-rest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { openCredentials, sealCredentials } from "./credentials";

const TWILIO = { provider: "twilio" as const, accountSid: `AC${"4".repeat(32)}`, authToken: "0123456789abcdef0123456789abcdef" };

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.close();
});

describe("SMS credentials at rest", () => {
  it("open only for their company, and only as the provider they were stored for", async () => {
    const sealed = sealCredentials("company-a", TWILIO);
    expect(sealed).not.toContain(TWILIO.authToken);
    expect(openCredentials("company-a", sealed, "twilio")).toEqual(TWILIO);
    expect(openCredentials("company-a", sealed, "seven")).toBeNull();
    expect(() => openCredentials("company-b", sealed, "twilio")).toThrow();
    expect(openCredentials("company-a", null, "twilio")).toBeNull();
  });

  it("do not open under another column's binding", () => {
    const underOtherColumn = encryptSecret(JSON.stringify(TWILIO), { companyId: "company-a", column: "companies.retellApiKeyEnc" });
    expect(() => openCredentials("company-a", underOtherColumn, "twilio")).toThrow();
  });

  it("the old unbound format is read and rewritten bound, once", async () => {
    const company = await db.prisma.company.create({ data: { slug: "alt-sms", name: "Alt SMS" } });
    await db.prisma.messagingSettings.create({ data: { companyId: company.id, smsProvider: "twilio", smsCredentialsEnc: encryptSecret(JSON.stringify(TWILIO)) } });

    expect(await reencryptLegacySecrets(db.prisma)).toBeGreaterThanOrEqual(1);
    const row = await db.prisma.messagingSettings.findUniqueOrThrow({ where: { companyId: company.id } });
    expect(isLegacySecret(row.smsCredentialsEnc!)).toBe(false);
    expect(openCredentials(company.id, row.smsCredentialsEnc, "twilio")).toEqual(TWILIO);
    expect(await reencryptLegacySecrets(db.prisma)).toBe(0);
  });
});
