/**
 * Which company and branch a call belongs to (spec's resolveCompanyFromContext /
 * resolveBranchFromContext): our number of the call, looked up in the phone-number table.
 *
 * Live calls look these up on every function call, so the doors' lookups are cached for
 * LOOKUP_TTL_SECONDS (a changed number or branch is seen after that at the latest; a changed
 * Retell key drops the cache at once, see forgetCallOwners).
 */
import { getCache } from "@/server/platform/cache";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError, ErrorCodes } from "@/server/core/errors";
import { companyData } from "@/server/calendar/company-data";
import { tryNormalizePhone } from "@/server/scheduling/phone";
import type { SpecialDay } from "@/server/scheduling/slot-types";

export const LOOKUP_TTL_SECONDS = 30;
const OWNER_TAG = "retell-owner";

export interface CallOwner {
  companyId: string;
  companySlug: string;
  branchId: string | null;
  /** Encrypted Retell API key: the key the company's requests are signed with. */
  retellApiKeyEnc: string | null;
}

/** The company (and branch) an active phone number of ours belongs to, or null. */
export async function resolveCompanyFromNumber(db: PrismaClient, number: string | undefined): Promise<CallOwner | null> {
  const e164 = number ? tryNormalizePhone(number) : null;
  if (!e164) return null;
  const row = await db.phoneNumber.findUnique({
    where: { number: e164 },
    select: { isActive: true, branchId: true, company: { select: { id: true, slug: true, retellApiKeyEnc: true } } },
  });
  if (!row?.isActive) return null;
  return { companyId: row.company.id, companySlug: row.company.slug, branchId: row.branchId, retellApiKeyEnc: row.company.retellApiKeyEnc };
}

/** resolveCompanyFromNumber for the doors, cached; unknown numbers are not cached. */
export async function cachedCompanyFromNumber(db: PrismaClient, number: string | undefined): Promise<CallOwner | null> {
  const e164 = number ? tryNormalizePhone(number) : null;
  if (!e164) return null;
  const key = `retell:owner:${e164}`;
  const hit = await getCache().get<CallOwner>(key);
  if (hit) return hit;
  const owner = await resolveCompanyFromNumber(db, e164);
  if (owner) await getCache().set(key, owner, LOOKUP_TTL_SECONDS, [OWNER_TAG]);
  return owner;
}

/** After a Retell key changed: requests must be verified with the new key at once. */
export function forgetCallOwners(): Promise<void> {
  return getCache().invalidateTag(OWNER_TAG);
}

export async function resolveCompanyFromSlug(db: PrismaClient, slug: string): Promise<CallOwner | null> {
  const company = await db.company.findUnique({ where: { slug }, select: { id: true, slug: true, retellApiKeyEnc: true } });
  return company ? { companyId: company.id, companySlug: company.slug, branchId: null, retellApiKeyEnc: company.retellApiKeyEnc } : null;
}

export interface CallBranch {
  id: string;
  name: string;
  timeZone: string;
  /** Federal state (BE, NW, …) for public holidays. */
  state: string | null;
  businessHours: unknown;
  /** Special opening days and closures (from the cached company data): opening checks respect them. */
  specialDays?: readonly SpecialDay[];
}

/**
 * The branch a call is about: the given branch (must belong to the company), else the branch
 * of our number, else the company's first active branch. Branches come from the company's
 * cached master data (calendar/company-data.ts), which every branch write drops.
 */
export async function resolveBranchFromContext(
  db: PrismaClient,
  companyId: string,
  context: { branch_id?: string; our_number?: string },
): Promise<CallBranch> {
  const branches = (await companyData(db, companyId))?.branches ?? [];
  if (context.branch_id) {
    const branch = branches.find((b) => b.id === context.branch_id);
    if (!branch) throw new AppError(ErrorCodes.BRANCH_NOT_RESOLVED, "Die Filiale wurde nicht gefunden.");
    return branch;
  }
  const e164 = context.our_number ? tryNormalizePhone(context.our_number) : null;
  const byNumber = e164
    ? await db.phoneNumber.findFirst({ where: { number: e164, companyId, isActive: true }, select: { branchId: true } })
    : null;
  const numbered = byNumber?.branchId ? branches.find((b) => b.id === byNumber.branchId) : undefined;
  if (numbered) return numbered;
  const first = branches[0];
  if (!first) throw new AppError(ErrorCodes.BRANCH_NOT_RESOLVED, "Für diese Firma ist keine Filiale eingerichtet.");
  return first;
}
