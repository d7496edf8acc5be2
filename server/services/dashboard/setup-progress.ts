import type { ServiceContext } from "@/server/core/types";

/** How far a company is on its way to the first call: what "Erste Schritte" ticks off. */
export interface SetupProgress {
  branches: number;
  services: number;
  staff: number;
  /** Active staff who offer at least one service: without them nothing can be booked. */
  bookableStaff: number;
  retellKey: boolean;
  phoneNumbers: number;
  agent: boolean;
}

export async function getSetupProgress(ctx: Pick<ServiceContext, "db" | "companyId">): Promise<SetupProgress> {
  const companyId = ctx.companyId;
  const [branches, services, staff, bookableStaff, company, phoneNumbers, retell] = await Promise.all([
    ctx.db.branch.count({ where: { companyId, isActive: true } }),
    ctx.db.service.count({ where: { companyId, isActive: true } }),
    ctx.db.staff.count({ where: { companyId, isActive: true } }),
    ctx.db.staff.count({ where: { companyId, isActive: true, services: { some: {} } } }),
    ctx.db.company.findUniqueOrThrow({ where: { id: companyId }, select: { retellApiKeyEnc: true } }),
    ctx.db.phoneNumber.count({ where: { companyId, isActive: true } }),
    ctx.db.retellConfiguration.findUnique({ where: { companyId }, select: { managedAgentId: true } }),
  ]);
  return {
    branches,
    services,
    staff,
    bookableStaff,
    retellKey: company.retellApiKeyEnc !== null,
    phoneNumbers,
    agent: Boolean(retell?.managedAgentId),
  };
}
