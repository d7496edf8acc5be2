/** The Protokoll: the company's audit rows, newest first, in words a salon owner reads. */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import type { AuditLog, Prisma } from "@/server/generated/prisma/client";
import { addDaysLocal } from "@/server/scheduling/local-date";
import { zonedDateTimeToInstant } from "@/server/scheduling/time";
import { maskSecrets } from "@/server/services/webhook/mask-secrets";
import { ACTION_GROUPS, ACTOR_TYPE_LABELS, actionLabel, ENTITY_FILTER_TYPES, entityHref, entityLabel, type ActorType } from "./labels";
import type * as s from "./schemas";

const SERVICE_ACTORS = ["retell", "calcom", "system"] as const;
/** The phone path names the Retell call; the row links to our call with that Retell id. */
const RETELL_CALL = "retell_call";

const encodeCursor = (r: { createdAt: Date; id: string }) => Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString("base64url");

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || !id) throw new AppError(ErrorCodes.INVALID_INPUT, "Die Seitenangabe ist ungültig. Bitte die Liste neu laden.");
  return { at: date, id };
}

export async function listAudit(ctx: ServiceContext, params: z.output<typeof s.listParams>): Promise<z.input<typeof s.listResult>> {
  const and: Prisma.AuditLogWhereInput[] = [{ companyId: ctx.companyId }];
  if (params.actor) and.push(actorFilter(params.actor));
  if (params.action) and.push(actionFilter(params.action));
  if (params.entity_type) and.push(await entityFilter(ctx, params.entity_type, params.entity_id));
  if (params.outcome) and.push({ outcome: params.outcome });
  if (params.date_from || params.date_to) and.push(await dayFilter(ctx, params.date_from, params.date_to));
  if (params.cursor) {
    const after = decodeCursor(params.cursor);
    and.push({ OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] });
  }
  const rows = await ctx.db.auditLog.findMany({ where: { AND: and }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: params.limit + 1 });
  const page = rows.slice(0, params.limit);
  const [names, calls] = await Promise.all([missingNames(ctx, page), callsOfRetellIds(ctx, page)]);
  return {
    entries: page.map((r) => toEntry(r, names, calls)),
    next_cursor: rows.length > params.limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}

/** The filter's options: the company's users and tokens (also former ones), the action groups, the entity types. */
export async function auditFilters(ctx: ServiceContext): Promise<z.input<typeof s.filtersResult>> {
  const [users, tokens] = await Promise.all([
    ctx.db.user.findMany({ where: { companyId: ctx.companyId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    ctx.db.apiToken.findMany({ where: { companyId: ctx.companyId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    actors: [
      ...users.map((u) => ({ value: `user:${u.id}`, label: u.name, type: "user" })),
      ...tokens.map((t) => ({ value: `token:${t.id}`, label: `${t.name} (API-Token)`, type: "token" })),
      ...SERVICE_ACTORS.map((type) => ({ value: type, label: ACTOR_TYPE_LABELS[type], type })),
    ],
    actions: ACTION_GROUPS.map((g) => ({ value: g.value, label: g.label })),
    entities: ENTITY_FILTER_TYPES.map((type) => ({ value: type, label: entityLabel(type) })),
  };
}

function actorFilter(actor: string): Prisma.AuditLogWhereInput {
  const [type, ...rest] = actor.split(":");
  const id = rest.join(":");
  if ((type === "user" || type === "token") && id) return { actorType: type, actorId: id };
  if ((SERVICE_ACTORS as readonly string[]).includes(actor)) return { actorType: actor };
  throw new AppError(ErrorCodes.INVALID_INPUT, "Unbekannte Auswahl bei „Benutzer“.");
}

function actionFilter(action: string): Prisma.AuditLogWhereInput {
  const group = ACTION_GROUPS.find((g) => g.value === action);
  if (!group) return { method: action };
  return { OR: group.methods.map((m) => (m.endsWith(".") ? { method: { startsWith: m } } : { method: m })) };
}

async function entityFilter(ctx: ServiceContext, type: string, id: string | undefined): Promise<Prisma.AuditLogWhereInput> {
  if (type !== "call") return { entityType: type, ...(id ? { entityId: id } : {}) };
  // A call is named by its id in the dashboard and by its Retell id on the phone path.
  if (!id) return { entityType: { in: ["call", RETELL_CALL] } };
  const call = await ctx.db.call.findFirst({ where: { id, companyId: ctx.companyId }, select: { retellCallId: true } });
  return { OR: [{ entityType: "call", entityId: id }, ...(call ? [{ entityType: RETELL_CALL, entityId: call.retellCallId }] : [])] };
}

async function dayFilter(ctx: ServiceContext, from: string | undefined, to: string | undefined): Promise<Prisma.AuditLogWhereInput> {
  const { timeZone } = await ctx.db.company.findUniqueOrThrow({ where: { id: ctx.companyId }, select: { timeZone: true } });
  const createdAt: Prisma.DateTimeFilter = {};
  if (from) createdAt.gte = zonedDateTimeToInstant(from, "00:00", timeZone);
  if (to) createdAt.lt = zonedDateTimeToInstant(addDaysLocal(to, 1), "00:00", timeZone);
  return { createdAt };
}

/** Names of users and tokens for rows written before rows carried them (one query each, per page). */
async function missingNames(ctx: ServiceContext, page: AuditLog[]): Promise<Map<string, string>> {
  const missing = (type: string) => [...new Set(page.filter((r) => r.actorType === type && !r.actorName && r.actorId).map((r) => r.actorId!))];
  const userIds = missing("user");
  const tokenIds = missing("token");
  const [users, tokens] = await Promise.all([
    userIds.length ? ctx.db.user.findMany({ where: { id: { in: userIds }, companyId: ctx.companyId }, select: { id: true, name: true } }) : [],
    tokenIds.length ? ctx.db.apiToken.findMany({ where: { id: { in: tokenIds }, companyId: ctx.companyId }, select: { id: true, name: true } }) : [],
  ]);
  return new Map([...users.map((u) => [`user:${u.id}`, u.name] as const), ...tokens.map((t) => [`token:${t.id}`, t.name] as const)]);
}

/** Our call ids for the page's Retell call ids. */
async function callsOfRetellIds(ctx: ServiceContext, page: AuditLog[]): Promise<Map<string, string>> {
  const ids = [...new Set(page.filter((r) => r.entityType === RETELL_CALL && r.entityId).map((r) => r.entityId!))];
  if (ids.length === 0) return new Map();
  const calls = await ctx.db.call.findMany({ where: { companyId: ctx.companyId, retellCallId: { in: ids } }, select: { id: true, retellCallId: true } });
  return new Map(calls.map((c) => [c.retellCallId, c.id]));
}

function toEntry(r: AuditLog, names: Map<string, string>, calls: Map<string, string>): z.input<typeof s.auditRowSchema> {
  const outcome = r.outcome === "success" ? "success" : "error";
  return {
    id: r.id,
    at: r.createdAt.toISOString(),
    actor: {
      type: r.actorType,
      type_label: ACTOR_TYPE_LABELS[r.actorType as ActorType] ?? r.actorType,
      name: r.actorName ?? names.get(`${r.actorType}:${r.actorId}`) ?? null,
    },
    action: { method: r.method, label: actionLabel(r.method) },
    entity: entityOf(r, calls),
    outcome,
    outcome_label: outcome === "success" ? "Erfolgreich" : "Fehlgeschlagen",
    error_code: r.errorCode,
    details: detailsOf(r.details),
  };
}

function entityOf(r: AuditLog, calls: Map<string, string>): z.input<typeof s.auditRowSchema>["entity"] {
  if (!r.entityType) return null;
  if (r.entityType === RETELL_CALL) {
    const callId = r.entityId ? (calls.get(r.entityId) ?? null) : null;
    return { type: "call", label: entityLabel("call"), id: callId, href: callId ? entityHref("call", callId) : null };
  }
  return { type: r.entityType, label: entityLabel(r.entityType), id: r.entityId, href: entityHref(r.entityType, r.entityId) };
}

function detailsOf(details: Prisma.JsonValue | null): Record<string, unknown> | null {
  if (details === null || typeof details !== "object" || Array.isArray(details)) return null;
  return maskSecrets(details) as Record<string, unknown>;
}
