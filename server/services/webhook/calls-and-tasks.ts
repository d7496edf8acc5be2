/** What the webhooks produced, for the dashboard: the stored calls (their follow-up tasks: callback-tasks.ts). */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/core/types";
import { shownRecordingUrl } from "./recording-url";
import type * as s from "./schemas";

const callInclude = {
  customer: { select: { name: true, phone: true } },
  appointment: { select: { id: true, startsAt: true, status: true, service: { select: { name: true } } } },
  branch: { select: { name: true } },
} satisfies Prisma.CallInclude;

type CallRow = Prisma.CallGetPayload<{ include: typeof callInclude }>;

export async function listCalls(ctx: ServiceContext, params: z.output<typeof s.listCallsParams>): Promise<z.input<typeof s.listCallsResult>> {
  const where: Prisma.CallWhereInput = { companyId: ctx.companyId, ...(params.outcome ? { outcome: params.outcome } : {}) };
  const [rows, total] = await Promise.all([
    ctx.db.call.findMany({ where, include: callInclude, orderBy: { createdAt: "desc" }, take: params.limit, skip: params.offset }),
    ctx.db.call.count({ where }),
  ]);
  return { calls: rows.map((r) => callDto(r, false)), total };
}

export async function getCall(ctx: ServiceContext, params: { call_id: string }): Promise<z.input<typeof s.getCallResult>> {
  const row = await ctx.db.call.findFirst({
    where: { companyId: ctx.companyId, OR: [{ id: params.call_id }, { retellCallId: params.call_id }] },
    include: callInclude,
  });
  if (!row) throw new AppError(ErrorCodes.NOT_FOUND, "Der Anruf wurde nicht gefunden.");
  return { call: callDto(row, true) };
}

function callDto(r: CallRow, withTranscript: boolean): z.input<typeof s.callSchema> {
  return {
    id: r.id,
    retell_call_id: r.retellCallId,
    direction: r.direction,
    from_number: r.fromNumber,
    to_number: r.toNumber,
    branch: r.branch?.name ?? null,
    status: r.status,
    started_at: r.startedAt?.toISOString() ?? null,
    created_at: r.createdAt.toISOString(),
    ended_at: r.endedAt?.toISOString() ?? null,
    duration_ms: r.durationMs,
    summary: r.summary,
    sentiment: r.sentiment,
    successful: r.successful,
    outcome: r.outcome,
    customer: r.customer ? { id: r.customerId!, name: r.customer.name, phone: r.customer.phone } : null,
    appointment: r.appointment
      ? { id: r.appointment.id, starts_at: r.appointment.startsAt.toISOString(), status: r.appointment.status, service: r.appointment.service.name }
      : null,
    recording_url: shownRecordingUrl(r.recordingUrl),
    ...(withTranscript ? { transcript: r.transcript, transcript_turns: transcriptTurns(r.transcriptObject), collected_data: r.collectedData ?? null } : {}),
  };
}

/** The speaker turns of Retell's transcript_object; entries of another shape are left out. */
function transcriptTurns(value: Prisma.JsonValue | null): Array<{ role: "agent" | "user"; content: string }> | null {
  if (!Array.isArray(value)) return null;
  return value.flatMap((turn) => {
    if (!turn || typeof turn !== "object" || Array.isArray(turn)) return [];
    const { role, content } = turn as { role?: unknown; content?: unknown };
    return (role === "agent" || role === "user") && typeof content === "string" ? [{ role, content }] : [];
  });
}
