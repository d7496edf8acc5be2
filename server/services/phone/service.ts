/**
 * The company's phone numbers: the rows that route an incoming call's to_number to the company
 * and its branch (see retell-function/resolve-owner.ts). A number belongs to one company on the
 * whole install; a number another company holds is refused as "vergeben", naming no company.
 *
 * Every write drops the cached number → company lookups of the Retell doors, so a new, moved,
 * paused or removed number routes calls accordingly at once.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import type { Prisma } from "@/server/generated/prisma/client";
import type { RetellPhoneNumber } from "@/server/integrations/retell/client";
import { isUniqueViolation } from "@/server/platform/db/unique-violation";
import { tryNormalizePhone } from "@/server/scheduling/phone";
import { requireOwnBranch } from "@/server/services/branch/service";
import { fieldError } from "@/server/services/company/master-data-fields";
import { retellClientFor } from "@/server/services/retell/client-for-company";
import { forgetCallOwners } from "@/server/services/retell-function/resolve-owner";
import { ALREADY_ADDED_MESSAGE, TAKEN_MESSAGE, type PhoneNumberDto } from "./schemas";
import type * as s from "./schemas";

const NOT_FOUND_MESSAGE = "Die Rufnummer wurde nicht gefunden.";

const rowSelect = {
  id: true,
  number: true,
  label: true,
  isActive: true,
  retellAgentId: true,
  retellAgentVersion: true,
  createdAt: true,
  branch: { select: { id: true, name: true, isActive: true } },
} satisfies Prisma.PhoneNumberSelect;
type Row = Prisma.PhoneNumberGetPayload<{ select: typeof rowSelect }>;

/** "+49301234567" → "+49 30 1234567". */
export function displayNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

function toDto(r: Row): PhoneNumberDto {
  return {
    id: r.id,
    number: r.number,
    display: displayNumber(r.number),
    label: r.label,
    branch: r.branch ? { id: r.branch.id, name: r.branch.name, is_active: r.branch.isActive } : null,
    is_active: r.isActive,
    retell_agent_id: r.retellAgentId,
    retell_agent_version: r.retellAgentVersion,
    created_at: r.createdAt.toISOString(),
  };
}

export async function listNumbers(ctx: ServiceContext): Promise<z.input<typeof s.listResult>> {
  const rows = await ctx.db.phoneNumber.findMany({ where: { companyId: ctx.companyId }, orderBy: { number: "asc" }, select: rowSelect });
  return { numbers: rows.map(toDto), total: rows.length };
}

interface NewNumber {
  number: string;
  branchId: string | null;
  label: string | null;
  retellAgentId?: string | null;
  retellAgentVersion?: number | null;
}

type Inserted = { ok: true; row: Row } | { ok: false; holder: "own" | "other" };

/**
 * Who holds the number, told apart only as "us" and "someone else": one lookup by the unique
 * number, whichever company it is, so neither the answer nor its timing says more.
 */
async function holderOf(ctx: ServiceContext, number: string): Promise<"own" | "other" | null> {
  const held = await ctx.db.phoneNumber.findUnique({ where: { number }, select: { companyId: true } });
  if (!held) return null;
  return held.companyId === ctx.companyId ? "own" : "other";
}

async function insertNumber(ctx: ServiceContext, data: NewNumber): Promise<Inserted> {
  const holder = await holderOf(ctx, data.number);
  if (holder) return { ok: false, holder };
  try {
    const row = await ctx.db.phoneNumber.create({ data: { companyId: ctx.companyId, ...data }, select: rowSelect });
    return { ok: true, row };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Another request added it between the lookup and the insert.
    return { ok: false, holder: (await holderOf(ctx, data.number)) ?? "other" };
  }
}

const heldMessage = (holder: "own" | "other") => (holder === "own" ? ALREADY_ADDED_MESSAGE : TAKEN_MESSAGE);

export async function addNumber(ctx: ServiceContext, params: z.output<typeof s.addParams>): Promise<z.input<typeof s.addResult>> {
  if (params.branch_id) await requireOwnBranch(ctx, params.branch_id);
  const inserted = await insertNumber(ctx, { number: params.number, branchId: params.branch_id, label: params.label });
  if (!inserted.ok) throw fieldError("number", heldMessage(inserted.holder), params.number);
  await forgetCallOwners();
  return { phone_number: toDto(inserted.row) };
}

export async function updateNumber(ctx: ServiceContext, params: z.output<typeof s.updateParams>): Promise<z.input<typeof s.updateResult>> {
  const { id, branch_id, label, is_active } = params;
  if (branch_id) await requireOwnBranch(ctx, branch_id);
  const data = {
    ...(branch_id !== undefined ? { branchId: branch_id } : {}),
    ...(label !== undefined ? { label } : {}),
    ...(is_active !== undefined ? { isActive: is_active } : {}),
  };
  const { count } = await ctx.db.phoneNumber.updateMany({ where: { id, companyId: ctx.companyId }, data });
  if (count === 0) throw new AppError(ErrorCodes.NOT_FOUND, NOT_FOUND_MESSAGE);
  await forgetCallOwners();
  return { phone_number: toDto(await ctx.db.phoneNumber.findUniqueOrThrow({ where: { id }, select: rowSelect })) };
}

export async function removeNumber(ctx: ServiceContext, params: z.output<typeof s.removeParams>): Promise<z.input<typeof s.removeResult>> {
  const { count } = await ctx.db.phoneNumber.deleteMany({ where: { id: params.id, companyId: ctx.companyId } });
  if (count === 0) throw new AppError(ErrorCodes.NOT_FOUND, NOT_FOUND_MESSAGE);
  await forgetCallOwners();
  return { id: params.id, removed: true };
}

/** The agent Retell routes a number's inbound calls to: the heaviest one (the first on a tie). */
function inboundAgent(p: RetellPhoneNumber): { id: string; version: number | null } | null {
  const agents = p.inbound_agents ?? [];
  const top = agents.reduce<(typeof agents)[number] | null>((best, a) => (best === null || a.weight > best.weight ? a : best), null);
  if (!top) return null;
  return { id: top.agent_id, version: typeof top.agent_version === "number" ? top.agent_version : null };
}

/** The numbers of the company's Retell workspace, keyed by E.164. @throws AppError 1001 without a Retell key. */
async function workspaceNumbers(ctx: ServiceContext): Promise<Map<string, RetellPhoneNumber>> {
  const client = await retellClientFor(ctx);
  const numbers = await client.listPhoneNumbers();
  return new Map(numbers.map((p) => [tryNormalizePhone(p.phone_number) ?? p.phone_number, p]));
}

export async function listRetellNumbers(ctx: ServiceContext): Promise<z.input<typeof s.listRetellNumbersResult>> {
  const workspace = await workspaceNumbers(ctx);
  const held = await ctx.db.phoneNumber.findMany({ where: { number: { in: [...workspace.keys()] } }, select: { number: true, companyId: true } });
  const holder = new Map(held.map((h) => [h.number, h.companyId === ctx.companyId ? ("added" as const) : ("taken" as const)]));
  return {
    numbers: [...workspace.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([number, p]) => ({
        number,
        display: displayNumber(number),
        nickname: p.nickname ?? null,
        agent_id: inboundAgent(p)?.id ?? null,
        status: holder.get(number) ?? "free",
      })),
  };
}

type ImportRow = z.input<typeof s.importResult>["results"][number];

/**
 * Adds the chosen numbers of the company's Retell workspace, each under the same rules as
 * phone.add, with its Retell nickname as label and the agent answering it. One result per number.
 */
export async function importFromRetell(ctx: ServiceContext, params: z.output<typeof s.importFromRetellParams>): Promise<z.input<typeof s.importResult>> {
  if (params.branch_id) await requireOwnBranch(ctx, params.branch_id);
  const workspace = await workspaceNumbers(ctx);
  const results: ImportRow[] = [];
  for (const input of params.numbers) {
    const number = tryNormalizePhone(input);
    if (!number) {
      results.push({ input, number: null, outcome: "invalid", id: null, message: "Keine gültige Rufnummer." });
      continue;
    }
    const retell = workspace.get(number);
    if (!retell) {
      results.push({ input, number, outcome: "not_in_retell", id: null, message: "Diese Rufnummer gibt es in Ihrem Retell-Arbeitsbereich nicht." });
      continue;
    }
    const agent = inboundAgent(retell);
    const inserted = await insertNumber(ctx, {
      number,
      branchId: params.branch_id,
      label: retell.nickname?.trim().slice(0, 100) || null,
      retellAgentId: agent?.id ?? null,
      retellAgentVersion: agent?.version ?? null,
    });
    results.push(
      inserted.ok
        ? { input, number, outcome: "added", id: inserted.row.id, message: "Hinzugefügt." }
        : { input, number, outcome: inserted.holder === "own" ? "already_added" : "taken", id: null, message: heldMessage(inserted.holder) },
    );
  }
  const added = results.filter((r) => r.outcome === "added").length;
  if (added > 0) await forgetCallOwners();
  return { results, added };
}
