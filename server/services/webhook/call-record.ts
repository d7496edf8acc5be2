/**
 * Writes what a Retell call event says about the call onto our calls row: numbers, times,
 * duration, transcript, recording, analysis. Only fields present in the event are written,
 * so events may arrive in any order. Links the caller's customer record and the appointment
 * booked during the call.
 */
import type { Call, Prisma } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/core/types";
import { ensureCall } from "@/server/services/retell-function/call-context";
import { callNumbers, type RetellCall } from "@/server/services/retell-function/request-shapes";
import { resolveCompanyFromNumber } from "@/server/services/retell-function/resolve-owner";
import { tryNormalizePhone } from "@/server/scheduling/phone";

export async function applyCallEvent(ctx: ServiceContext, call: RetellCall): Promise<Call> {
  const { ours, caller } = callNumbers(call);
  const owner = await resolveCompanyFromNumber(ctx.db, ours);
  const branchId = owner?.companyId === ctx.companyId ? owner.branchId : null;
  const { id } = await ensureCall(ctx.db, { companyId: ctx.companyId, callId: call.call_id, branchId, fromNumber: call.from_number, toNumber: call.to_number });

  const data = fieldsOf(call);
  const current = await ctx.db.call.findUniqueOrThrow({ where: { id }, select: { status: true } });
  // Events may be processed in any order: a call that ended never goes back to "ongoing".
  if (statusRank(call.call_status) < statusRank(current.status)) delete data.status;
  const row = await ctx.db.call.update({ where: { id }, data: { ...data, ...(branchId ? { branchId } : {}) } });
  const links: Prisma.CallUncheckedUpdateInput = {};
  if (!row.appointmentId) {
    const booked = await ctx.db.appointment.findFirst({
      where: { companyId: ctx.companyId, retellCallId: call.call_id },
      orderBy: { updatedAt: "desc" },
      select: { id: true, customerId: true },
    });
    if (booked) Object.assign(links, { appointmentId: booked.id, customerId: booked.customerId, outcome: row.outcome ?? "booked" });
  }
  const callerPhone = caller ? tryNormalizePhone(caller) : null;
  if (!row.customerId && !links.customerId && callerPhone) {
    const customer = await ctx.db.customer.findUnique({
      where: { companyId_phone: { companyId: ctx.companyId, phone: callerPhone } },
      select: { id: true },
    });
    if (customer) links.customerId = customer.id;
  }
  return Object.keys(links).length > 0 ? ctx.db.call.update({ where: { id }, data: links }) : row;
}

function fieldsOf(call: RetellCall): Prisma.CallUncheckedUpdateInput {
  const at = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));
  const duration =
    call.duration_ms ?? (call.start_timestamp !== undefined && call.end_timestamp !== undefined ? call.end_timestamp - call.start_timestamp : undefined);
  const analysis = call.call_analysis;
  const data: Prisma.CallUncheckedUpdateInput = {
    agentId: call.agent_id,
    agentVersion: call.agent_version,
    direction: call.direction,
    fromNumber: call.from_number,
    toNumber: call.to_number,
    status: call.call_status,
    startedAt: at(call.start_timestamp),
    endedAt: at(call.end_timestamp),
    durationMs: duration === undefined ? undefined : Math.max(0, Math.round(duration)),
    disconnectionReason: call.disconnection_reason,
    transcript: call.transcript,
    transcriptObject: call.transcript_object as Prisma.InputJsonValue | undefined,
    recordingUrl: call.recording_url,
    summary: analysis?.call_summary,
    sentiment: analysis?.user_sentiment,
    successful: analysis?.call_successful,
    analysis: analysis ? (JSON.parse(JSON.stringify(analysis)) as Prisma.InputJsonValue) : undefined,
  };
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}

const STATUS_ORDER = ["registered", "ongoing", "not_connected", "ended", "error"];

function statusRank(status: string | null | undefined): number {
  return status ? STATUS_ORDER.indexOf(status) : -1;
}
