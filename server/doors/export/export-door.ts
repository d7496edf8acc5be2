/**
 * GET /api/export: one company's data as a streamed download, for a data-access request under
 * the GDPR or for moving away. `?format=json` (default) is one JSON document with every entity
 * (or `&entity=<name>` for one); `?format=csv&entity=<name>` one entity as CSV for German Excel.
 *
 * Who may: an admin's dashboard session, or an API token that may call `database.export`
 * (grant `database` or `database:read`). The company always comes from that authorisation.
 * Rows are read a page at a time while the answer is written, so memory stays flat; each
 * download leaves an audit row and counts against the caller's database.export rate limit.
 */
import "@/server/composition";
import type { Session } from "next-auth";
import { z } from "zod";
import { ErrorCodes, isAppError } from "@/server/core/errors";
import { getRegistry } from "@/server/core/registry";
import { tokenMayCall } from "@/server/core/token-scopes";
import type { Actor } from "@/server/core/types";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { getDb } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { getRateLimiter } from "@/server/platform/rate-limit";
import { withOutageAnswer } from "@/server/doors/retell/responses";
import { authenticate, readApiToken } from "@/server/doors/jsonrpc/http-door";
import { CORRELATION_HEADER, correlationIdFrom, jsonResponse } from "@/server/doors/request-kit";
import { auditExport, exportChunks, exportFileName, type ExportRequest } from "@/server/services/database/export";
import { exportEntity, exportFormat } from "@/server/services/database/schemas";

export interface ExportDoorDeps {
  /** The dashboard session of the request (the route passes next-auth's). */
  session: () => Promise<Session | null>;
  /** Defaults to the process-wide client. */
  db?: PrismaClient;
  now?: () => Date;
}

const EXPORT_METHOD = "database.export";

const query = z
  .object({ format: exportFormat.default("json"), entity: exportEntity.optional() })
  .refine((q) => q.format !== "csv" || q.entity, { message: "Für CSV bitte einen Bereich angeben (entity=…).", path: ["entity"] });

type Caller = { ok: true; companyId: string; actor: Actor; db: PrismaClient } | { ok: false; status: 401 | 403; message: string };

export function exportDoor(request: Request, deps: ExportDoorDeps): Promise<Response> {
  return withOutageAnswer("export", async () => {
    const correlationId = correlationIdFrom(request.headers);
    const refuse = (status: number, message: string) => jsonResponse({ error: message }, status, correlationId);

    const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return refuse(400, parsed.error.issues[0]?.message ?? "Ungültige Anfrage.");
    const caller = await callerOf(request, deps);
    if (!caller.ok) return refuse(caller.status, caller.message);

    const { db, companyId, actor } = caller;
    const limited = await rateLimited(actor, companyId);
    if (limited) {
      return jsonResponse({ error: limited.message, retry_after: limited.retryAfter }, 429, correlationId, { "retry-after": String(limited.retryAfter) });
    }
    const now = deps.now?.() ?? new Date();
    const company = await db.company.findUnique({ where: { id: companyId }, select: { slug: true, timeZone: true } });
    if (!company) return refuse(404, "Das Unternehmen wurde nicht gefunden.");
    const exportRequest: ExportRequest = parsed.data;
    await auditExport({ db, companyId, actor, correlationId }, { door: "download", format: exportRequest.format, entity: exportRequest.entity ?? "all" });

    const body = textStream(exportChunks(db, companyId, exportRequest, now), (err) =>
      logger.error({ err, correlationId, companyId }, "export stopped while streaming"),
    );
    return new Response(body, {
      headers: {
        "content-type": exportRequest.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${exportFileName(company.slug, exportRequest, now, company.timeZone)}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        [CORRELATION_HEADER]: correlationId,
      },
    });
  });
}

/** An API token allowed database.export, else an admin's session; the company comes from either. */
async function callerOf(request: Request, deps: ExportDoorDeps): Promise<Caller> {
  if (readApiToken(request.headers)) {
    const auth = await authenticate(request.headers, { db: deps.db, now: deps.now });
    if (!auth) return { ok: false, status: 401, message: "Nicht angemeldet: gültiges API-Token erforderlich." };
    const server = getRegistry().servers.find((s) => s.name === "database");
    const method = server?.methods.find((m) => m.name === EXPORT_METHOD);
    if (!server || !method || !tokenMayCall(auth.token.allowedServers, server, method)) {
      return { ok: false, status: 403, message: "Dieses API-Token darf keine Daten exportieren (Freigabe „database“ fehlt)." };
    }
    return { ok: true, companyId: auth.token.companyId, actor: { type: "token", id: auth.token.id, name: auth.token.name, allowedServers: auth.token.allowedServers }, db: auth.db };
  }
  const session = await deps.session();
  if (!session) return { ok: false, status: 401, message: "Bitte melden Sie sich an." };
  if (session.user.role !== "admin") return { ok: false, status: 403, message: "Nur Administratoren dürfen die Daten exportieren." };
  return {
    ok: true,
    companyId: session.user.companyId,
    actor: { type: "user", id: session.user.id, name: session.user.name, role: "admin" },
    db: deps.db ?? (await getDb()),
  };
}

/** Downloads count in the same bucket as database.export calls, per caller. */
async function rateLimited(actor: Actor, companyId: string): Promise<{ message: string; retryAfter: number } | null> {
  try {
    await getRateLimiter().consume(EXPORT_METHOD, `${actor.type}:${actor.id ?? companyId}`);
    return null;
  } catch (err) {
    if (isAppError(err) && err.code === ErrorCodes.RATE_LIMITED) return { message: err.message, retryAfter: err.retryAfter ?? 60 };
    throw err;
  }
}

/** UTF-8 bytes of the pieces, one piece per pull: the next page is read only once the client took the last. */
function textStream(chunks: AsyncGenerator<string>, onError: (err: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        onError(err);
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
