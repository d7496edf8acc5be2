/**
 * database.export: one company's data, for a data-access request under the GDPR (Art. 15, 20)
 * or for moving to another system. The download (doors/export) writes the whole export as it
 * reads it, a page of rows at a time, so memory stays flat however large the company is; over
 * JSON-RPC the same pages come one per call with a cursor.
 */
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { env } from "@/server/platform/env";
import { writeAudit } from "@/server/platform/audit";
import { instantToLocal } from "@/server/scheduling/time";
import type { z } from "zod";
import { csvHeader, csvHeaderLine, csvRow } from "./csv";
import { EXPORT_ENTITIES, EXPORT_ENTITY_NAMES, type ExportEntityName, type ExportRow } from "./entities";
import type { exportParams, exportResult } from "./schemas";

/** Rows read per query while streaming. */
export const EXPORT_BATCH = 500;

/** A CSV export is one entity; a JSON export one entity or, without, all of them. */
export interface ExportRequest {
  format: "json" | "csv";
  entity?: ExportEntityName;
}

/** The entity's rows of the company, page by page in cursor order. */
export async function* entityPages(db: PrismaClient, companyId: string, name: ExportEntityName, batch = EXPORT_BATCH): AsyncGenerator<ExportRow[]> {
  const entity = EXPORT_ENTITIES[name];
  let after: string | null = null;
  for (;;) {
    const rows: ExportRow[] = await entity.page(db, companyId, after, batch);
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    after = entity.cursorOf(rows[rows.length - 1]);
  }
}

/**
 * The export as text pieces: JSON is one document `{ format, version, exported_at, entities:
 * { <entity>: [rows] } }` (every entity, or the one asked for); CSV is one entity with a header.
 */
export async function* exportChunks(db: PrismaClient, companyId: string, request: ExportRequest, now: Date, batch = EXPORT_BATCH): AsyncGenerator<string> {
  if (request.format === "csv") {
    if (!request.entity) throw new AppError(ErrorCodes.INVALID_INPUT, "Für CSV bitte einen Bereich angeben.");
    const { columns } = EXPORT_ENTITIES[request.entity];
    yield csvHeader(columns);
    for await (const rows of entityPages(db, companyId, request.entity, batch)) yield rows.map((r) => csvRow(columns, r)).join("");
    return;
  }
  const names = request.entity ? [request.entity] : EXPORT_ENTITY_NAMES;
  yield `{"format":"askproai-export","version":1,"exported_at":${JSON.stringify(now.toISOString())},"entities":{`;
  for (const [i, name] of names.entries()) {
    yield `${i > 0 ? "," : ""}${JSON.stringify(name)}:[`;
    let first = true;
    for await (const rows of entityPages(db, companyId, name, batch)) {
      yield (first ? "" : ",") + rows.map((r) => JSON.stringify(r)).join(",");
      first = false;
    }
    yield "]";
  }
  yield "}}";
}

/** e.g. askproai-demo-2026-03-11.json or askproai-demo-customers-2026-03-11.csv: slug, entity, the company's date. */
export function exportFileName(slug: string, request: ExportRequest, now: Date, timeZone: string): string {
  const date = instantToLocal(now, timeZone).date;
  const entity = request.entity ? `-${request.entity}` : "";
  return `askproai-${slug.replace(/[^a-z0-9-]/gi, "")}${entity}-${date}.${request.format}`;
}

/** Where the streamed download of an export lives (same authorisation as the call). */
export function downloadUrl(request: ExportRequest): string {
  const url = new URL("/api/export", env().APP_URL);
  url.searchParams.set("format", request.format);
  if (request.entity) url.searchParams.set("entity", request.entity);
  return url.toString();
}

/** One audit row per export: who took which part of the company's data, and through which door. */
export function auditExport(ctx: Pick<ServiceContext, "db" | "companyId" | "actor" | "correlationId">, details: Record<string, unknown>): Promise<void> {
  return writeAudit(ctx.db, {
    companyId: ctx.companyId,
    actor: ctx.actor,
    method: "database.export",
    outcome: "success",
    durationMs: 0,
    correlationId: ctx.correlationId,
    details,
  });
}

/** database.export over JSON-RPC, MCP and tRPC: the entity list, or one page of one entity. */
export async function exportPage(ctx: ServiceContext, params: z.output<typeof exportParams>): Promise<z.input<typeof exportResult>> {
  const { db, companyId } = ctx;
  if (params.entity === "all") {
    const entities = await Promise.all(
      EXPORT_ENTITY_NAMES.map(async (name) => ({ name, label: EXPORT_ENTITIES[name].label, count: await EXPORT_ENTITIES[name].count(db, companyId) })),
    );
    await auditExport(ctx, { door: "method", entity: "all", format: params.format });
    return { entity: "all", format: params.format, download_url: downloadUrl({ format: "json" }), entities, next_cursor: null };
  }
  const entity = EXPORT_ENTITIES[params.entity];
  // One row more than asked tells whether another page follows.
  const rows = await entity.page(db, companyId, params.cursor ?? null, params.limit + 1);
  const page = rows.slice(0, params.limit);
  const nextCursor = rows.length > params.limit ? entity.cursorOf(page[page.length - 1]) : null;
  await auditExport(ctx, { door: "method", entity: params.entity, format: params.format, rows: page.length, cursor: params.cursor ?? null });
  const base = { entity: params.entity, format: params.format, download_url: downloadUrl({ format: params.format, entity: params.entity }), next_cursor: nextCursor };
  if (params.format === "csv") {
    const text = csvHeaderLine(entity.columns) + page.map((r) => csvRow(entity.columns, r)).join("");
    return { ...base, csv: text };
  }
  return { ...base, rows: JSON.parse(JSON.stringify(page)) as ExportRow[] };
}
