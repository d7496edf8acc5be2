/**
 * Callback tasks ("Rückrufe") for the dashboard: what the caller wanted, with the call it came
 * from, and the staff's outcome (called back and done, not reached, booked).
 */
import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { ServiceContext } from "@/server/core/types";
import { actorName } from "@/server/services/appointments/records";
import { collectedDataSchema } from "@/server/services/retell-function/call-context";
import type * as s from "./schemas";

const taskInclude = {
  call: { select: { id: true, retellCallId: true, branchId: true, fromNumber: true, summary: true, startedAt: true, collectedData: true, customer: { select: { name: true } } } },
  customer: { select: { name: true } },
} satisfies Prisma.TaskInclude;

type TaskRow = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;

export async function listTasks(ctx: ServiceContext, params: z.output<typeof s.listTasksParams>): Promise<z.input<typeof s.listTasksResult>> {
  const statuses = params.status === undefined ? undefined : Array.isArray(params.status) ? params.status : [params.status];
  const where: Prisma.TaskWhereInput = { companyId: ctx.companyId, ...(statuses ? { status: { in: statuses } } : {}) };
  const [rows, total] = await Promise.all([
    ctx.db.task.findMany({ where, include: taskInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: params.limit, skip: params.offset }),
    ctx.db.task.count({ where }),
  ]);
  return { tasks: rows.map(taskDto), total };
}

function taskDto(t: TaskRow): z.input<typeof s.taskSchema> {
  const details = (t.details ?? {}) as Record<string, unknown>;
  return {
    id: t.id,
    title: t.title,
    status: t.status,
    details: t.details ?? null,
    call_id: t.call?.retellCallId ?? null,
    call_record_id: t.call?.id ?? null,
    customer_id: t.customerId,
    customer_name: t.customer?.name ?? t.call?.customer?.name ?? null,
    caller_number: t.call?.fromNumber ?? text(details.caller_number),
    summary: t.call?.summary ?? null,
    received_at: (t.call?.startedAt ?? t.createdAt).toISOString(),
    collected: collectedOf(t.call?.collectedData ?? null, t.call?.branchId ?? null),
    appointment_id: t.appointmentId,
    status_changed_at: t.statusChangedAt?.toISOString() ?? null,
    status_changed_by: t.statusChangedBy,
    created_at: t.createdAt.toISOString(),
  };
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

/** The understood appointment when there is one, else the raw fields the agent sent (collect_appointment_data's names). */
function collectedOf(value: Prisma.JsonValue | null, branchId: string | null): z.input<typeof s.taskCollectedSchema> {
  const parsed = collectedDataSchema.safeParse(value ?? {});
  const { fields, appointment: a } = parsed.success ? parsed.data : { fields: {} as Record<string, string>, appointment: undefined };
  return {
    branch_id: branchId,
    customer_name: a?.customerName ?? text(fields.name),
    customer_phone: a?.customerPhone ?? text(fields.telefonnummer),
    service_id: a?.serviceId ?? null,
    service: a?.serviceName ?? text(fields.dienstleistung),
    date: a?.date ?? null,
    date_spoken: a ? null : text(fields.datum),
    time: a?.time ?? (/^\d{2}:\d{2}$/.test(fields.uhrzeit ?? "") ? fields.uhrzeit! : null),
    notes: a?.notes ?? text(fields.notizen),
  };
}

export async function setTaskStatus(ctx: ServiceContext, params: z.output<typeof s.setTaskStatusParams>): Promise<z.input<typeof s.setTaskStatusResult>> {
  const by = await actorName(ctx);
  const at = ctx.now();
  await ctx.db.$transaction(async (tx) => {
    if (params.appointment_id) {
      const appointment = await tx.appointment.findFirst({ where: { id: params.appointment_id, companyId: ctx.companyId }, select: { id: true } });
      if (!appointment) throw new AppError(ErrorCodes.NOT_FOUND, "Der Termin wurde nicht gefunden.");
    }
    const { count } = await tx.task.updateMany({
      where: { id: params.task_id, companyId: ctx.companyId },
      data: {
        status: params.status,
        statusChangedAt: at,
        statusChangedBy: by,
        // Reopened or marked otherwise without a booking: a booking recorded before stays recorded.
        ...(params.appointment_id ? { appointmentId: params.appointment_id } : {}),
      },
    });
    if (count === 0) throw new AppError(ErrorCodes.NOT_FOUND, "Die Aufgabe wurde nicht gefunden.");
  });
  const task = await ctx.db.task.findUniqueOrThrow({ where: { id: params.task_id }, select: { appointmentId: true } });
  return { id: params.task_id, status: params.status, appointment_id: task.appointmentId, status_changed_at: at.toISOString(), status_changed_by: by };
}
