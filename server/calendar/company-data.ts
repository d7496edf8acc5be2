/**
 * The company's master data as the phone path and the slot engine need it: name, settings,
 * which calendar it uses, its active branches (hours, zone, state), active services and active
 * staff with their services and working hours, and the branches' special days (a few dozen a
 * year: all of them, so a request for any date, and a test clock, sees the same data). Every availability question and booking needs
 * all of it, so it is read with one statement and kept in the cache, tagged with the master
 * data tags (core/cache-keys.ts CacheTags): the company, branch, service and staff servers drop
 * it with every write. Appointments and absences change all day and are never part of it.
 */
import { cacheKey, CacheTags, companyTag } from "@/server/core/cache-keys";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { getCache } from "@/server/platform/cache";
import { parseCompanySettings, type CompanySettings } from "./company-settings";
import type { BranchRef, ServiceRef, Tx } from "./provider";
import { parseSpecialDays } from "./schedules";

/** Like the cached method reads: a write on another instance is seen after this at the latest. */
export const COMPANY_DATA_TTL_SECONDS = 60;

export type BranchData = BranchRef;

export interface ServiceData extends ServiceRef {
  /** null: offered in every branch. */
  branchId: string | null;
  /** The deposit rule (services/stripe): read with the rest, so a booking without deposit asks the database nothing more. */
  priceCents: number | null;
  depositCents: number | null;
  depositPercent: number | null;
}

export interface StaffData {
  id: string;
  name: string;
  branchId: string;
  workingHours: unknown;
  serviceIds: string[];
}

export interface CompanyData {
  name: string;
  settings: CompanySettings;
  calendar: "local" | "calcom";
  /** Active branches, oldest first. */
  branches: BranchData[];
  /** Active services by name. */
  services: ServiceData[];
  /** Active staff, oldest first (the order the slot engine assigns them in). */
  staff: StaffData[];
}

interface CompanyDataRow {
  name: string;
  settings: unknown;
  calendar: string;
  branches: BranchData[];
  services: ServiceData[];
  staff: StaffData[];
}

/** Tags that drop the company's cached master data. */
export function companyDataTags(companyId: string): string[] {
  return Object.values(CacheTags).map((tag) => companyTag(companyId, tag));
}

/** The company's master data, from the cache or with one statement; null for an unknown company. */
export async function companyData(db: PrismaClient | Tx, companyId: string): Promise<CompanyData | null> {
  const cache = getCache();
  const key = cacheKey(companyId, "calendar.companyData", {});
  const hit = await cache.get<CompanyData>(key);
  if (hit) return hit;
  const data = await readCompanyData(db, companyId);
  // Unknown companies are not cached: one created a moment later is seen at once.
  if (data) await cache.set(key, data, COMPANY_DATA_TTL_SECONDS, companyDataTags(companyId));
  return data;
}

async function readCompanyData(db: PrismaClient | Tx, companyId: string): Promise<CompanyData | null> {
  const [row] = await db.$queryRaw<CompanyDataRow[]>`
    SELECT c.name, c.settings, COALESCE(cc.provider::text, 'local') AS calendar,
           COALESCE((SELECT json_agg(json_build_object('id', b.id, 'name', b.name, 'timeZone', b."timeZone", 'state', b.state,
                                                       'businessHours', b."businessHours",
                                                       'specialDays', COALESCE((SELECT json_agg(json_build_object('date', d.date, 'closed', d.closed,
                                                                                                                  'hours', d.hours, 'reason', d.reason) ORDER BY d.date)
                                                                                  FROM branch_special_days d WHERE d."branchId" = b.id), '[]'::json))
                                     ORDER BY b."createdAt", b.id)
                       FROM branches b WHERE b."companyId" = c.id AND b."isActive"), '[]'::json) AS branches,
           COALESCE((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'durationMinutes', s."durationMinutes",
                                                       'bufferMinutes', s."bufferMinutes", 'calcomEventTypeId', s."calcomEventTypeId",
                                                       'branchId', s."branchId", 'priceCents', s."priceCents",
                                                       'depositCents', s."depositCents", 'depositPercent', s."depositPercent") ORDER BY s.name, s.id)
                       FROM services s WHERE s."companyId" = c.id AND s."isActive"), '[]'::json) AS services,
           COALESCE((SELECT json_agg(json_build_object('id', st.id, 'name', st.name, 'branchId', st."branchId", 'workingHours', st."workingHours",
                                                       'serviceIds', COALESCE((SELECT json_agg(ss."serviceId" ORDER BY ss."serviceId")
                                                                                 FROM staff_services ss WHERE ss."staffId" = st.id), '[]'::json))
                                     ORDER BY st."createdAt", st.id)
                       FROM staff st WHERE st."companyId" = c.id AND st."isActive"), '[]'::json) AS staff
      FROM companies c LEFT JOIN calendar_connections cc ON cc."companyId" = c.id
     WHERE c.id = ${companyId}`;
  if (!row) return null;
  return {
    name: row.name,
    settings: parseCompanySettings(row.settings),
    calendar: row.calendar === "calcom" ? "calcom" : "local",
    branches: row.branches.map((b) => ({ ...b, specialDays: parseSpecialDays(b.specialDays) })),
    services: row.services,
    staff: row.staff,
  };
}
