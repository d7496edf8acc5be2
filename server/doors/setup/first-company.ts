/**
 * From an empty install to the first company: while no company exists the dashboard opens
 * the set-up wizard (/einrichtung), protected by the set-up code printed in the server log.
 * `npm run company:create` shares the same creation (without the code: it runs on the server).
 */
import type { z } from "zod";
import { createUser } from "@/server/auth/users";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { writeAudit } from "@/server/platform/audit";
import { getDb } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { createCompany } from "@/server/services/company/create-company";
import type { firstAdminSchema, firstCompanyParams, NewCompany } from "@/server/services/company/schemas";
import { fieldError } from "@/server/services/company/master-data-fields";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { setupCodeFor, setupCodeMatches } from "@/server/services/company/setup-code";

type FirstAdmin = z.output<typeof firstAdminSchema>;

/** Databases known to hold a company: once one exists the set-up stays closed, so the answer is kept. */
const closedOn = new WeakSet<PrismaClient>();

/** True while the install has no company. */
export async function isSetupOpen(db: PrismaClient): Promise<boolean> {
  if (closedOn.has(db)) return false;
  const open = (await db.company.count()) === 0;
  if (!open) closedOn.add(db);
  return open;
}

/** For pages: does this install still need its first company? */
export async function installNeedsSetup(): Promise<boolean> {
  return isSetupOpen(await getDb());
}

/** Arbitrary key of the advisory lock that lets only one first-company set-up run at a time. */
const SETUP_LOCK = 7_341_226;

/**
 * Creates a company, its first branch and its admin in one transaction. With `onlyIfFirst`
 * (the wizard) it refuses once any company exists, checked under a lock, so two people
 * racing through the wizard cannot both claim the install.
 */
export async function createCompanyWithAdmin(
  db: PrismaClient,
  input: NewCompany & { admin: FirstAdmin },
  opts: { onlyIfFirst: boolean; actor: "setup-wizard" | "cli" },
): Promise<{ companyId: string; branchId: string; userId: string }> {
  const created = await db.$transaction(async (tx) => {
    if (opts.onlyIfFirst) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
      if ((await tx.company.count()) > 0) throw setupClosed();
    }
    const ids = await createCompany(tx, input);
    // The transaction client has the same model API as the client createUser is written for.
    const user = await createUser(tx as unknown as PrismaClient, { companyId: ids.companyId, ...input.admin, role: "admin" });
    return { ...ids, userId: user.id };
  });
  closedOn.add(db);
  await writeAudit(db, {
    companyId: created.companyId,
    actor: { type: "system", id: opts.actor },
    method: "company.create",
    outcome: "success",
    durationMs: 0,
    details: { slug: input.slug, adminUserId: created.userId },
  });
  return created;
}

export function setupClosed(): AppError {
  return new AppError(ErrorCodes.CONFLICT, "Die Einrichtung ist bereits abgeschlossen. Bitte melden Sie sich an.");
}

/** Wrong set-up codes allowed per minute on this process (the code has 75 bits; this only keeps the log quiet). */
const wrongCodes = new RateLimiterMemory({ keyPrefix: "askpro:setup-code", points: 10, duration: 60 });

/** The wizard's first step: the code from the log, then the company, its first branch and admin. */
export async function createFirstCompany(db: PrismaClient, secret: string, input: z.output<typeof firstCompanyParams>): Promise<{ companyId: string }> {
  if (!(await isSetupOpen(db))) throw setupClosed();
  if (!setupCodeMatches(secret, input.setup_code)) {
    const allowed = await wrongCodes.consume("install").then(
      () => true,
      () => false,
    );
    if (!allowed) throw new AppError(ErrorCodes.RATE_LIMITED, "Zu viele falsche Codes. Bitte in einer Minute erneut versuchen.", { retryAfter: 60 });
    throw fieldError("setup_code", "Der Einrichtungscode stimmt nicht. Er steht im Protokoll des Servers beim Start.");
  }
  const { setup_code: _code, ...company } = input;
  // No company exists yet, so neither the slug nor the admin's e-mail address can be taken.
  const created = await createCompanyWithAdmin(db, company, { onlyIfFirst: true, actor: "setup-wizard" });
  return { companyId: created.companyId };
}

/** Prints the set-up code once at start while the install has no company. */
export async function announceSetupCode(db: PrismaClient, secret: string, appUrl: string): Promise<void> {
  if (!(await isSetupOpen(db))) return;
  logger.warn(
    { setupUrl: `${appUrl}/einrichtung` },
    `Noch kein Betrieb eingerichtet. Einrichtung unter ${appUrl}/einrichtung mit dem Einrichtungscode ${setupCodeFor(secret)}`,
  );
}
