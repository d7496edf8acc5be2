import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { sha256Hex } from "@/server/platform/crypto";
import { AppError } from "@/server/core/errors";
import { createOtherCompany } from "@/server/testing/tenants";
import { authenticateToken, createApiToken, listApiTokens, revokeApiToken } from "@/server/services/tokens";
import { runTokenCli } from "@/server/services/tokens/cli";

let db: TestDb;
let companyId: string;
beforeAll(async () => {
  db = await createTestDb();
  companyId = (await createOtherCompany(db.prisma, { slug: "koeln" })).companyId;
});
afterAll(async () => {
  await db.close();
});

async function cli(...argv: string[]) {
  const lines: string[] = [];
  const code = await runTokenCli(db.prisma, argv, (l) => lines.push(l));
  return { code, lines };
}

describe("API tokens", () => {
  it("stores only the SHA-256 and a visible prefix", async () => {
    const { token, info } = await createApiToken(db.prisma, { companyId, name: "Zapier", allowedServers: ["customer", "customer"] });
    expect(token).toMatch(/^apk_[\w-]{43}$/);
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: info.id } });
    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(row.prefix).toBe(token.slice(0, 12));
    expect(JSON.stringify(row)).not.toContain(token.slice(12));
    expect(info.display).toBe(`${token.slice(0, 12)}…`);
    expect(row.allowedServers).toEqual(["customer"]);
  });

  it("refuses unknown server names and empty labels", async () => {
    await expect(createApiToken(db.prisma, { companyId, name: "x", allowedServers: ["teleport"] })).rejects.toThrow(/Unbekannte Dienste: teleport/);
    await expect(createApiToken(db.prisma, { companyId, name: "  ", allowedServers: ["appointments"] })).rejects.toBeInstanceOf(AppError);
  });

  it("authenticates until revoked by prefix", async () => {
    const { token, info } = await createApiToken(db.prisma, { companyId, name: "Kurz", allowedServers: ["appointments"] });
    expect(await authenticateToken(db.prisma, token)).toEqual({ id: info.id, companyId, name: "Kurz", allowedServers: ["appointments"] });
    expect(await authenticateToken(db.prisma, token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).toBeNull();
    await revokeApiToken(db.prisma, companyId, info.display);
    expect(await authenticateToken(db.prisma, token)).toBeNull();
  });

  it("cannot revoke another company's token", async () => {
    const other = await createOtherCompany(db.prisma, { slug: "bonn" });
    const { info } = await createApiToken(db.prisma, { companyId: other.companyId, name: "Bonn", allowedServers: ["appointments"] });
    await expect(revokeApiToken(db.prisma, companyId, info.id)).rejects.toThrow(/nicht gefunden/);
    expect((await listApiTokens(db.prisma, other.companyId)).find((t) => t.id === info.id)?.revokedAt).toBeNull();
  });
});

describe("npm run mcp:token", () => {
  it("creates a token, prints it once, lists and revokes it", async () => {
    const created = await cli("--company", "koeln", "--name", "Make.com", "--servers", "customer,branch");
    expect(created.code).toBe(0);
    const token = created.lines.at(-1)!;
    expect(token).toMatch(/^apk_/);
    expect((await authenticateToken(db.prisma, token))?.allowedServers).toEqual(["customer", "branch"]);

    const listed = await cli("--company", "koeln", "--list");
    const line = listed.lines.find((l) => l.includes("Make.com"))!;
    expect(line).toContain(`${token.slice(0, 12)}…`);
    expect(line).toContain("[customer,branch]  active");
    expect(listed.lines.join("\n")).not.toContain(token);

    const revoked = await cli("--company", "koeln", "--revoke", token.slice(0, 12));
    expect(revoked).toEqual({ code: 0, lines: [`Revoked ${token.slice(0, 12)}… (Make.com).`] });
    expect((await cli("--company", "koeln", "--list")).lines.find((l) => l.includes("Make.com"))).toMatch(/revoked \d{4}-/);
  });

  it("explains its usage and refuses unknown companies and servers", async () => {
    expect((await cli("--name", "x")).code).toBe(2);
    expect((await cli("--company", "koeln", "--list", "--name", "x")).code).toBe(2);
    expect(await cli("--company", "nowhere", "--list")).toEqual({ code: 1, lines: ["No company with slug 'nowhere'."] });
    expect(await cli("--company", "koeln", "--name", "x", "--servers", "nope")).toEqual({ code: 1, lines: ["Unbekannte Dienste: nope"] });
  });
});
