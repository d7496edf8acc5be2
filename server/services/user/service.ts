/**
 * Dashboard logins of a company: admins add people (who set their own password through a
 * one-time link), change roles, deactivate and reactivate them; everyone changes their own
 * password. A company always keeps at least one active admin. Only dashboard users call these
 * methods: an API token must not mint logins, just as it must not mint tokens.
 */
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { InvalidParamsError } from "@/server/core/call-errors";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { Actor, ServiceContext } from "@/server/core/types";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { writeAudit } from "@/server/platform/audit";
import { sha256Hex } from "@/server/platform/crypto";
import { isUniqueViolation } from "@/server/platform/db/unique-violation";
import { hashPassword, passwordMatches } from "@/server/platform/password-hash";
import { fieldError } from "@/server/services/company/master-data-fields";
import { linkMailChannel, setPasswordUrl } from "./link-mail";
import { passwordProblems } from "./password-policy";
import type * as s from "./schemas";
import { setPasswordWithTokenParams, type UserDto } from "./schemas";

/** A set-password link is valid this long. */
export const LINK_VALID_MS = 72 * 60 * 60 * 1000;

export const USER_MESSAGES = {
  dashboardOnly: "Benutzer lassen sich nur im Dashboard verwalten.",
  notFound: "Diesen Benutzer gibt es in Ihrem Betrieb nicht.",
  /** Says nothing about who has the address, or in which company. */
  emailTaken: "Diese E-Mail-Adresse ist bereits vergeben.",
  selfDeactivate: "Sie können Ihren eigenen Zugang nicht deaktivieren.",
  selfDemote: "Sie können Ihre eigene Rolle nicht ändern. Bitten Sie eine andere Administration darum.",
  lastAdmin: "Der Betrieb braucht mindestens eine aktive Administration. Legen Sie zuerst eine weitere an.",
  inactive: "Dieser Zugang ist deaktiviert. Bitte aktivieren Sie ihn zuerst.",
  wrongCurrentPassword: "Das aktuelle Passwort stimmt nicht.",
  samePassword: "Das neue Passwort muss sich vom bisherigen unterscheiden.",
  linkInvalid: "Dieser Link ist ungültig oder wurde bereits benutzt. Bitte bitten Sie Ihre Administration um einen neuen Link.",
  linkExpired: "Dieser Link ist abgelaufen. Bitte bitten Sie Ihre Administration um einen neuen Link.",
} as const;

const userColumns = {
  id: true,
  companyId: true,
  name: true,
  email: true,
  role: true,
  isActive: true,
  lastLoginAt: true,
  createdAt: true,
  passwordResetTokenHash: true,
  passwordResetExpiresAt: true,
} as const;

interface UserRow {
  id: string;
  companyId: string;
  name: string;
  email: string;
  role: "admin" | "staff";
  isActive: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  passwordResetTokenHash: string | null;
  passwordResetExpiresAt: Date | null;
}

function toDto(row: UserRow, ctx: ServiceContext): UserDto {
  const linkOpen = row.passwordResetTokenHash !== null && row.passwordResetExpiresAt !== null && row.passwordResetExpiresAt > ctx.now();
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    is_active: row.isActive,
    last_login_at: row.lastLoginAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    link_expires_at: linkOpen ? row.passwordResetExpiresAt!.toISOString() : null,
    is_you: row.id === ctx.actor.id,
  };
}

/** The caller's user id; API tokens and service actors are refused. */
function dashboardUserId(ctx: ServiceContext): string {
  if (ctx.actor.type !== "user" || !ctx.actor.id) throw new AppError(ErrorCodes.FORBIDDEN, USER_MESSAGES.dashboardOnly);
  return ctx.actor.id;
}

async function userInCompany(db: PrismaClient, ctx: ServiceContext, id: string): Promise<UserRow> {
  const row = await db.user.findFirst({ where: { id, companyId: ctx.companyId }, select: userColumns });
  if (!row) throw new AppError(ErrorCodes.NOT_FOUND, USER_MESSAGES.notFound);
  return row;
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Runs a change of roles or activity under the company's lock on its admins, so two admins
 * demoting or deactivating each other at the same moment cannot leave the company without one.
 * With `removesAdmin`, refuses when the target is the last active admin.
 */
async function underAdminLock<T>(ctx: ServiceContext, target: { id: string; removesAdmin: boolean }, change: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`users:admins:${ctx.companyId}`}, 0))`;
    if (target.removesAdmin) {
      const others = await tx.user.count({ where: { companyId: ctx.companyId, role: "admin", isActive: true, id: { not: target.id } } });
      if (others === 0) throw new AppError(ErrorCodes.CONFLICT, USER_MESSAGES.lastAdmin);
    }
    return change(tx);
  });
}

async function audit(ctx: ServiceContext, method: string, details: Record<string, unknown>): Promise<void> {
  const entityId = typeof details.user_id === "string" ? details.user_id : null;
  await writeAudit(ctx.db, { companyId: ctx.companyId, actor: ctx.actor, method, outcome: "success", durationMs: 0, correlationId: ctx.correlationId, details, entityType: "user", entityId });
}

/** A fresh link token: 32 random bytes, base64url. Only its SHA-256 is stored. */
function newLinkToken(now: Date): { token: string; hash: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: sha256Hex(token), expiresAt: new Date(now.getTime() + LINK_VALID_MS) };
}

const berlin = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "10.03.2026 09:00" in Berlin time. */
function germanDateTime(instant: Date): string {
  return berlin.format(instant).replace(",", "");
}

/** Sends the link by e-mail when the install can; never throws (the admin still has the link on screen). */
async function mailLink(ctx: ServiceContext, user: UserRow, url: string, expiresAt: Date, kind: "invite" | "reset"): Promise<"sent" | "failed" | "not_configured"> {
  const channel = linkMailChannel();
  if (!channel) return "not_configured";
  const company = await ctx.db.company.findUnique({ where: { id: ctx.companyId }, select: { name: true } });
  const companyName = company?.name ?? "Ihr Betrieb";
  const intro =
    kind === "invite"
      ? `${companyName} hat für Sie einen Zugang zum AskProAI-Dashboard angelegt. Bitte legen Sie über diesen Link Ihr Passwort fest:`
      : `für Ihren Zugang zum AskProAI-Dashboard von ${companyName} wurde ein Link zum Festlegen eines neuen Passworts erstellt:`;
  const text = [
    `Hallo ${user.name},`,
    "",
    intro,
    "",
    url,
    "",
    `Der Link gilt bis ${germanDateTime(expiresAt)} Uhr und lässt sich nur einmal verwenden. Danach melden Sie sich mit ${user.email} an.`,
    "",
    "Wenn Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren.",
  ].join("\n");
  try {
    await channel.send({
      channel: "email",
      to: user.email,
      subject: kind === "invite" ? `Ihr Zugang zu AskProAI (${companyName})` : `Neues Passwort für AskProAI (${companyName})`,
      text,
    });
    return "sent";
  } catch (err) {
    // The message holds the link; log only that it failed.
    ctx.log.warn({ err: err instanceof Error ? err.message : String(err), userId: user.id }, "set-password link could not be e-mailed");
    return "failed";
  }
}

/* Methods */

export async function listUsers(ctx: ServiceContext): Promise<z.input<typeof s.listResult>> {
  dashboardUserId(ctx);
  const rows = await ctx.db.user.findMany({
    where: { companyId: ctx.companyId },
    select: userColumns,
    orderBy: [{ isActive: "desc" }, { name: "asc" }, { email: "asc" }],
  });
  return { users: rows.map((row) => toDto(row, ctx)) };
}

/** Adds a login without a usable password and returns its one-time link (shown once). */
export async function createUser(ctx: ServiceContext, params: z.output<typeof s.createParams>): Promise<z.input<typeof s.createResult>> {
  dashboardUserId(ctx);
  // E-mail addresses are unique across the install; the answer says only that this one is taken.
  const taken = await ctx.db.user.findFirst({ where: { email: { equals: params.email, mode: "insensitive" } }, select: { id: true } });
  if (taken) throw fieldError("email", USER_MESSAGES.emailTaken);

  const link = newLinkToken(ctx.now());
  // A hash of random bytes nobody knows: the account has no password until the link is used.
  const unusable = await hashPassword(randomBytes(32).toString("base64url"));
  let row: UserRow;
  try {
    row = await ctx.db.user.create({
      data: {
        companyId: ctx.companyId,
        name: params.name,
        email: params.email,
        role: params.role,
        passwordHash: unusable,
        passwordResetTokenHash: link.hash,
        passwordResetExpiresAt: link.expiresAt,
      },
      select: userColumns,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw fieldError("email", USER_MESSAGES.emailTaken);
    throw err;
  }
  const url = setPasswordUrl(link.token);
  const mail = await mailLink(ctx, row, url, link.expiresAt, "invite");
  await audit(ctx, "user.created", { user_id: row.id, email: row.email, role: row.role, link_expires_at: link.expiresAt.toISOString(), mail });
  return { user: toDto(row, ctx), link: { url, expires_at: link.expiresAt.toISOString() }, mail };
}

/** Renames a user or changes the role; an admin cannot demote themself, and the last active admin stays one. */
export async function updateUser(ctx: ServiceContext, params: z.output<typeof s.updateParams>): Promise<z.input<typeof s.updateResult>> {
  const me = dashboardUserId(ctx);
  const target = await userInCompany(ctx.db, ctx, params.id);
  const changes: { name?: string; role?: "admin" | "staff" } = {};
  if (params.name !== undefined && params.name !== target.name) changes.name = params.name;
  if (params.role !== undefined && params.role !== target.role) changes.role = params.role;
  if (Object.keys(changes).length === 0) return { user: toDto(target, ctx) };

  const demotes = target.role === "admin" && changes.role === "staff";
  if (demotes && target.id === me) throw new AppError(ErrorCodes.FORBIDDEN, USER_MESSAGES.selfDemote);
  const row = await underAdminLock(ctx, { id: target.id, removesAdmin: demotes && target.isActive }, (tx) =>
    tx.user.update({ where: { id: target.id }, data: changes, select: userColumns }),
  );
  await audit(ctx, "user.updated", {
    user_id: row.id,
    ...(changes.name !== undefined ? { name: { from: target.name, to: row.name } } : {}),
    ...(changes.role !== undefined ? { role: { from: target.role, to: row.role } } : {}),
  });
  return { user: toDto(row, ctx) };
}

/**
 * Deactivates a login: it cannot log in, its open sessions end on their next request (the
 * session version is raised, so a later reactivation does not revive them) and an open link dies.
 */
export async function deactivateUser(ctx: ServiceContext, params: z.output<typeof s.idParams>): Promise<z.input<typeof s.userResult>> {
  const me = dashboardUserId(ctx);
  const target = await userInCompany(ctx.db, ctx, params.id);
  if (target.id === me) throw new AppError(ErrorCodes.FORBIDDEN, USER_MESSAGES.selfDeactivate);
  if (!target.isActive) return { user: toDto(target, ctx) };
  const row = await underAdminLock(ctx, { id: target.id, removesAdmin: target.role === "admin" }, (tx) =>
    tx.user.update({
      where: { id: target.id },
      data: { isActive: false, sessionVersion: { increment: 1 }, passwordResetTokenHash: null, passwordResetExpiresAt: null },
      select: userColumns,
    }),
  );
  await audit(ctx, "user.deactivated", { user_id: row.id, email: row.email, sessions_ended: true });
  return { user: toDto(row, ctx) };
}

/** Lets a deactivated login in again, with the password it had. */
export async function activateUser(ctx: ServiceContext, params: z.output<typeof s.idParams>): Promise<z.input<typeof s.userResult>> {
  dashboardUserId(ctx);
  const target = await userInCompany(ctx.db, ctx, params.id);
  if (target.isActive) return { user: toDto(target, ctx) };
  const row = await underAdminLock(ctx, { id: target.id, removesAdmin: false }, (tx) =>
    tx.user.update({ where: { id: target.id }, data: { isActive: true }, select: userColumns }),
  );
  await audit(ctx, "user.activated", { user_id: row.id, email: row.email });
  return { user: toDto(row, ctx) };
}

/** A new one-time link for the user; an earlier link stops working. The current password stays valid until the link is used. */
export async function resetPasswordLink(ctx: ServiceContext, params: z.output<typeof s.idParams>): Promise<z.input<typeof s.resetLinkResult>> {
  dashboardUserId(ctx);
  const target = await userInCompany(ctx.db, ctx, params.id);
  if (!target.isActive) throw new AppError(ErrorCodes.CONFLICT, USER_MESSAGES.inactive);
  const link = newLinkToken(ctx.now());
  const row = await ctx.db.user.update({
    where: { id: target.id },
    data: { passwordResetTokenHash: link.hash, passwordResetExpiresAt: link.expiresAt },
    select: userColumns,
  });
  const url = setPasswordUrl(link.token);
  const mail = await mailLink(ctx, row, url, link.expiresAt, "reset");
  await audit(ctx, "user.reset_link_issued", { user_id: row.id, email: row.email, link_expires_at: link.expiresAt.toISOString(), mail });
  return { user: toDto(row, ctx), link: { url, expires_at: link.expiresAt.toISOString() }, mail };
}

function passwordIssues(field: string, password: string, email: string): InvalidParamsError | null {
  const problems = passwordProblems(password, email);
  if (problems.length === 0) return null;
  return new InvalidParamsError(problems.map((message) => ({ code: "custom" as const, path: [field], message, input: undefined })));
}

/**
 * The caller's own password, for every role. Ends all sessions of the user, this one included
 * (the session version is raised); the dashboard logs in again with the new password at once.
 */
export async function changeOwnPassword(ctx: ServiceContext, params: z.output<typeof s.changeOwnPasswordParams>): Promise<z.input<typeof s.changeOwnPasswordResult>> {
  const me = dashboardUserId(ctx);
  const user = await ctx.db.user.findFirst({ where: { id: me, companyId: ctx.companyId, isActive: true }, select: { id: true, email: true, passwordHash: true } });
  if (!user) throw new AppError(ErrorCodes.NOT_FOUND, USER_MESSAGES.notFound);
  if (!(await passwordMatches(params.current_password, user.passwordHash))) throw fieldError("current_password", USER_MESSAGES.wrongCurrentPassword);
  const refused = passwordIssues("new_password", params.new_password, user.email);
  if (refused) throw refused;
  if (params.new_password === params.current_password) throw fieldError("new_password", USER_MESSAGES.samePassword);

  await ctx.db.user.update({
    where: { id: user.id },
    data: {
      passwordHash: await hashPassword(params.new_password),
      passwordChangedAt: ctx.now(),
      sessionVersion: { increment: 1 },
      passwordResetTokenHash: null,
      passwordResetExpiresAt: null,
    },
  });
  await audit(ctx, "user.password_changed", { user_id: user.id, sessions_ended: true });
  return { changed: true };
}

/* The public page behind a link: no session, the token is the credential. */

export interface LinkDeps {
  db: PrismaClient;
  now: () => Date;
  correlationId?: string;
}

export type LinkState = { state: "valid"; name: string; email: string } | { state: "invalid" } | { state: "expired" };

async function userForToken(db: PrismaClient, token: string) {
  if (!token) return null;
  return db.user.findUnique({
    where: { passwordResetTokenHash: sha256Hex(token) },
    select: { id: true, companyId: true, name: true, email: true, role: true, isActive: true, passwordResetExpiresAt: true },
  });
}

/** What the page shows before anything is typed: whose password the link sets, or why it cannot. Changes nothing. */
export async function inspectPasswordLink(deps: LinkDeps, token: string): Promise<LinkState> {
  const user = await userForToken(deps.db, token);
  if (!user || !user.isActive) return { state: "invalid" };
  if (!user.passwordResetExpiresAt || user.passwordResetExpiresAt <= deps.now()) return { state: "expired" };
  return { state: "valid", name: user.name, email: user.email };
}

/**
 * Sets the password of the link's user. The link works once: its hash is cleared in the same
 * update that checks it, so two submissions cannot both succeed. Ends the user's open sessions.
 */
export async function setPasswordWithToken(deps: LinkDeps, input: z.input<typeof setPasswordWithTokenParams>): Promise<{ email: string }> {
  const parsed = setPasswordWithTokenParams.safeParse(input);
  if (!parsed.success) throw new InvalidParamsError(parsed.error.issues);
  const { token, password } = parsed.data;
  const user = await userForToken(deps.db, token);
  if (!user || !user.isActive) throw new AppError(ErrorCodes.INVALID_INPUT, USER_MESSAGES.linkInvalid);
  const now = deps.now();
  if (!user.passwordResetExpiresAt || user.passwordResetExpiresAt <= now) throw new AppError(ErrorCodes.INVALID_INPUT, USER_MESSAGES.linkExpired);
  const refused = passwordIssues("password", password, user.email);
  if (refused) throw refused;

  const hash = sha256Hex(token);
  const { count } = await deps.db.user.updateMany({
    where: { id: user.id, isActive: true, passwordResetTokenHash: hash, passwordResetExpiresAt: { gt: now } },
    data: {
      passwordHash: await hashPassword(password),
      passwordChangedAt: now,
      sessionVersion: { increment: 1 },
      passwordResetTokenHash: null,
      passwordResetExpiresAt: null,
    },
  });
  if (count === 0) throw new AppError(ErrorCodes.INVALID_INPUT, USER_MESSAGES.linkInvalid);
  const actor: Actor = { type: "user", id: user.id, name: user.name, role: user.role };
  await writeAudit(deps.db, {
    companyId: user.companyId,
    actor,
    method: "user.password_set_with_link",
    outcome: "success",
    durationMs: 0,
    correlationId: deps.correlationId,
    details: { user_id: user.id, sessions_ended: true },
    entityType: "user",
    entityId: user.id,
  });
  return { email: user.email };
}
