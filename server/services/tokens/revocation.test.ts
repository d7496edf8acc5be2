/**
 * A token revoked anywhere else (another instance, the command line, straight in the database)
 * is refused by this process within a second, although lookups are cached for 30 s.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createOtherCompany, type Tenant } from "@/server/testing/tenants";
import { authenticateToken, clearTokenCache } from "./authenticate";

let db: TestDb;
let tenant: Tenant;
beforeAll(async () => {
  db = await createTestDb();
  tenant = await createOtherCompany(db.prisma);
  clearTokenCache();
});
afterAll(() => db.close());

describe("token revocation across processes", () => {
  it("a revocation written by someone else is honoured within a second", async () => {
    expect(await authenticateToken(db.prisma, tenant.token)).toMatchObject({ companyId: tenant.companyId });
    // As another instance or `npm run mcp:token -- revoke` would: only the row changes, not this cache.
    await db.prisma.apiToken.updateMany({ where: { companyId: tenant.companyId }, data: { revokedAt: new Date() } });
    const revokedAt = performance.now();
    await expect.poll(() => authenticateToken(db.prisma, tenant.token), { timeout: 3_000, interval: 50 }).toBeNull();
    expect(performance.now() - revokedAt).toBeLessThan(1_000);
  });
});
