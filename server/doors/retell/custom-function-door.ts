/**
 * POST /api/mcp/retell/custom-function[/<name>]: Retell's tool calls during a live call.
 *
 * Accepted shapes: Retell's `{ name, call, args }`, the spec's `{ function, parameters, context }`,
 * and for tools with `args_at_root` the args alone at `/custom-function/<name>?company=<slug>
 * &call_id={{call_id}}[&from_number=…&to_number=…]` (the body then names neither the call nor our
 * number, so the company comes from the URL; the signature is still checked with its key).
 *
 * Order: size, JSON, shape, owning company and signature over the raw body (one 401 for both); only then
 * `retell.function.execute` runs, through callMethod like every other door. Domain refusals
 * are 200 answers the agent reads aloud, so Retell does not retry them.
 */
import "@/server/composition";
import { getDb } from "@/server/platform/db";
import { toAppError } from "@/server/platform/db/outage";
import { ErrorCodes } from "@/server/core/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { logger } from "@/server/platform/logger";
import { callMethod, InvalidParamsError } from "@/server/core/dispatch";
import { callNumbers, parseFunctionRequest, type FunctionRequest } from "@/server/services/retell-function/request-shapes";
import { cachedCompanyFromNumber, resolveCompanyFromSlug, type CallOwner } from "@/server/services/retell-function/resolve-owner";
import { json, refuse, unavailable, withOutageAnswer } from "./responses";
import { parseJson, readRawBody, verifiedOwner } from "./verify-signature";
import { correlationIdFrom } from "@/server/doors/request-kit";

export interface DoorDeps {
  db?: PrismaClient;
  now?: () => Date;
}

export function handleCustomFunction(request: Request, nameFromUrl: string | null = null, deps: DoorDeps = {}): Promise<Response> {
  return withOutageAnswer("retell-function", () => answerCustomFunction(request, nameFromUrl, deps));
}

async function answerCustomFunction(request: Request, nameFromUrl: string | null, deps: DoorDeps): Promise<Response> {
  const now = deps.now ?? (() => new Date());
  const raw = await readRawBody(request);
  if (raw === null) return refuse(413, "Anfrage zu groß.");
  const body = parseJson(raw);
  if (!body.ok) return refuse(400, "Ungültiges JSON.");
  const url = new URL(request.url);
  const parsed = parseFunctionRequest(body.value, nameFromUrl, url.searchParams);
  if (!parsed.ok) return refuse(400, parsed.error);
  const fn = parsed.request;

  const db = deps.db ?? (await getDb());
  const owner = await findOwner(db, fn, nameFromUrl !== null, url.searchParams.get("company"));
  // An unknown number or company gets the same answer as a bad signature: outsiders learn nothing.
  if (!verifiedOwner(owner, raw, request.headers, now().getTime())) return refuse(401, "Ungültige Signatur.");

  const correlationId = correlationIdFrom(request.headers);
  try {
    const { data } = await callMethod(
      "retell.function.execute",
      // The branch of our number is known here already; the service checks it belongs to the company.
      { function_name: fn.name, parameters: fn.args, call_context: { ...fn.call, ...(owner.branchId ? { branch_id: owner.branchId } : {}) } },
      // A live call's audit rows are written in batches: the caller waits for none of them.
      { companyId: owner.companyId, actor: { type: "retell", id: fn.call.call_id }, correlationId, db, now, batchAudit: true },
    );
    return json(200, data);
  } catch (error) {
    const appError = toAppError(error, { door: "retell-function", correlationId });
    if (appError?.code === ErrorCodes.DATABASE_ERROR) return unavailable(appError);
    if (appError) return json(200, { success: false, message: appError.message, error_code: appError.code });
    if (error instanceof InvalidParamsError) return refuse(400, "Ungültige Parameter.");
    logger.error({ err: error, correlationId, function: fn.name }, "retell custom function failed");
    return refuse(500, "Interner Fehler.");
  }
}

/** By our number; for args_at_root tools by `?company=<slug>` (a number given too must be the company's). */
async function findOwner(db: PrismaClient, fn: FunctionRequest, atRoot: boolean, slug: string | null): Promise<CallOwner | null> {
  const { ours } = callNumbers(fn.call);
  const byNumber = ours ? await cachedCompanyFromNumber(db, ours) : null;
  if (!atRoot || slug === null) return byNumber;
  const owner = await resolveCompanyFromSlug(db, slug);
  if (!owner || !ours) return owner;
  return byNumber?.companyId === owner.companyId ? byNumber : null;
}
