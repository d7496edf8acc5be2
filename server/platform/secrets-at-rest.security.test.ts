/**
 * Secrets at rest are bound to their company and column: copied into another company's row or
 * another column they do not open; the tag is 16 bytes, no shorter; stored values of the old
 * format stay readable and are rewritten into the bound format.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, isLegacySecret } from "@/server/platform/crypto";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { retellApiKeyOf } from "@/server/services/retell/client-for-company";
import { openHeaders } from "@/server/services/retell-function/sealed-headers";
import { reencryptLegacySecrets } from "@/server/platform/secrets-at-rest";
import { createOtherCompany } from "@/server/testing/tenants";
import { testContext } from "@/server/testing/retell";

const A = { companyId: "company-a", column: "companies.retellApiKeyEnc" } as const;

describe("bound secrets", () => {
  it("open only for the company and column they were sealed for", () => {
    const sealed = encryptSecret("key_live_123456", A);
    expect(decryptSecret(sealed, A)).toBe("key_live_123456");
    expect(() => decryptSecret(sealed, { ...A, companyId: "company-b" })).toThrow();
    expect(() => decryptSecret(sealed, { ...A, column: "calendar_connections.apiKeyEnc" })).toThrow();
    expect(() => decryptSecret(sealed)).toThrow();
  });

  it("refuse a shortened authentication tag", () => {
    const parts = encryptSecret("key_live_123456", A).split(".");
    parts[2] = Buffer.from(parts[2]!, "base64url").subarray(0, 4).toString("base64url");
    expect(() => decryptSecret(parts.join("."), A)).toThrow();
  });
});

describe("stored secrets", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it("a Retell key copied into another company's row does not open there", async () => {
    const a = await createOtherCompany(db.prisma, { slug: "a-firma" });
    const b = await createOtherCompany(db.prisma, { slug: "b-firma" });
    const sealed = encryptSecret("key_of_a_123456", { companyId: a.companyId, column: "companies.retellApiKeyEnc" });
    await db.prisma.company.update({ where: { id: a.companyId }, data: { retellApiKeyEnc: sealed } });
    await db.prisma.company.update({ where: { id: b.companyId }, data: { retellApiKeyEnc: sealed } });
    expect(await retellApiKeyOf(testContext(db.prisma, a.companyId))).toBe("key_of_a_123456");
    await expect(retellApiKeyOf(testContext(db.prisma, b.companyId))).rejects.toThrow();
  });

  it("reads the old format and rewrites it bound, once", async () => {
    const c = await createOtherCompany(db.prisma, { slug: "alt-firma" });
    await db.prisma.company.update({ where: { id: c.companyId }, data: { retellApiKeyEnc: encryptSecret("old_key_123456") } });
    await db.prisma.calendarConnection.create({
      data: { companyId: c.companyId, provider: "calcom", apiKeyEnc: encryptSecret("cal_old_123456"), webhookSecretEnc: encryptSecret("whsec_old") },
    });
    const fn = await db.prisma.retellCustomFunction.create({
      data: { companyId: c.companyId, name: "alt", type: "external_api", url: "https://x.example", headers: { "X-Api-Key": encryptSecret("hdr_old") }, parameterSchema: { type: "object" } },
    });
    expect(await retellApiKeyOf(testContext(db.prisma, c.companyId))).toBe("old_key_123456");

    expect(await reencryptLegacySecrets(db.prisma)).toBeGreaterThanOrEqual(4);
    const company = await db.prisma.company.findUniqueOrThrow({ where: { id: c.companyId } });
    expect(isLegacySecret(company.retellApiKeyEnc!)).toBe(false);
    expect(await retellApiKeyOf(testContext(db.prisma, c.companyId))).toBe("old_key_123456");
    const connection = await db.prisma.calendarConnection.findUniqueOrThrow({ where: { companyId: c.companyId } });
    expect(decryptSecret(connection.apiKeyEnc!, { companyId: c.companyId, column: "calendar_connections.apiKeyEnc" })).toBe("cal_old_123456");
    expect(decryptSecret(connection.webhookSecretEnc!, { companyId: c.companyId, column: "calendar_connections.webhookSecretEnc" })).toBe("whsec_old");
    const stored = await db.prisma.retellCustomFunction.findUniqueOrThrow({ where: { id: fn.id } });
    expect(openHeaders(stored.headers, c.companyId)).toEqual({ "X-Api-Key": "hdr_old" });
    expect(await reencryptLegacySecrets(db.prisma)).toBe(0);
  });
});
