import type { PrismaClient } from "@/server/generated/prisma/client";
import { seedDemo } from "@/server/seed/demo";
import { getRegistry } from "@/server/core/registry";
import { createApiToken } from "@/server/services/tokens";
import { everyGrant, serverOption } from "@/server/core/token-scopes";

/** Every grant, configuration included: test tokens act for the whole company. */
export function wholeCompanyGrants(): string[] {
  return everyGrant(getRegistry().servers.filter((s) => s.name !== "mcp").map(serverOption));
}

export interface Tenant {
  companyId: string;
  /** Clear API token for the whole company. */
  token: string;
  branchId: string;
  customerId: string;
  customerPhone: string;
}

/** A minimal second company with one branch and one customer (plus a token). */
export async function createOtherCompany(
  prisma: PrismaClient,
  opts: { slug?: string; name?: string; customerPhone?: string } = {},
): Promise<Tenant> {
  const company = await prisma.company.create({
    data: {
      slug: opts.slug ?? "barbier-koeln",
      name: opts.name ?? "Barbier am Dom",
      settings: { slotIntervalMinutes: 30, modificationCutoffHours: 12 },
    },
  });
  const branch = await prisma.branch.create({
    data: { companyId: company.id, name: "Barbier am Dom", city: "Köln", state: "NW", businessHours: { weekly: { 1: [{ open: "10:00", close: "19:00" }] } } },
  });
  // Same number as a demo customer on purpose: lookups must stay within the company.
  const customerPhone = opts.customerPhone ?? "+4917112345670";
  const customer = await prisma.customer.create({ data: { companyId: company.id, phone: customerPhone, name: "Klaus Köhler" } });
  const { token } = await createApiToken(prisma, { companyId: company.id, name: "Tests", allowedServers: wholeCompanyGrants() });
  return { companyId: company.id, token, branchId: branch.id, customerId: customer.id, customerPhone };
}

/** The demo company (seedDemo) with a token, and the ids tests use most. */
export async function createDemoTenant(prisma: PrismaClient, now: Date): Promise<Tenant> {
  const companyId = await seedDemo(prisma, { now });
  const branch = await prisma.branch.findFirstOrThrow({ where: { companyId }, orderBy: { name: "asc" } });
  const customer = await prisma.customer.findFirstOrThrow({ where: { companyId, phone: "+4917112345670" } });
  const { token } = await createApiToken(prisma, { companyId, name: "Tests", allowedServers: wholeCompanyGrants() });
  return { companyId, token, branchId: branch.id, customerId: customer.id, customerPhone: customer.phone };
}
