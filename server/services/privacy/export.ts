import type { z } from "zod";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { ServiceContext } from "@/server/core/types";
import { actionLabel } from "@/server/services/audit/labels";
import { callsOf, messagesOf, tasksOf } from "./customer-records";
import type * as s from "./schemas";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** privacy.exportCustomer: everything stored about one customer of the company, as data. */
export async function exportCustomer(ctx: ServiceContext, params: z.output<typeof s.exportParams>): Promise<z.input<typeof s.exportResult>> {
  const { db, companyId } = ctx;
  const customer = await db.customer.findFirst({ where: { id: params.customer_id, companyId }, include: { company: { select: { name: true, timeZone: true } } } });
  if (!customer) throw new AppError(ErrorCodes.NOT_FOUND, "Der Kunde wurde nicht gefunden.");

  const [appointments, calls, payments] = await Promise.all([
    db.appointment.findMany({
      where: { companyId, customerId: customer.id },
      include: { service: { select: { name: true } }, branch: { select: { name: true } }, staff: { select: { name: true } } },
      orderBy: { startsAt: "asc" },
    }),
    db.call.findMany({ where: callsOf(companyId, customer), orderBy: { createdAt: "asc" } }),
    db.payment.findMany({ where: { companyId, customerId: customer.id }, orderBy: { createdAt: "asc" } }),
  ]);
  const appointmentIds = appointments.map((a) => a.id);
  const callIds = calls.map((c) => c.id);
  const [tasks, messages] = await Promise.all([
    db.task.findMany({ where: tasksOf(companyId, customer.id, callIds), orderBy: { createdAt: "asc" } }),
    db.message.findMany({ where: messagesOf(companyId, customer.id, appointmentIds), orderBy: { createdAt: "asc" } }),
  ]);
  const audit = await db.auditLog.findMany({
    where: {
      companyId,
      OR: [
        { entityType: "customer", entityId: customer.id },
        { entityType: "appointment", entityId: { in: appointmentIds } },
        { entityType: "call", entityId: { in: callIds } },
        { entityType: "task", entityId: { in: tasks.map((t) => t.id) } },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: 2000,
  });

  return {
    exported_at: ctx.now().toISOString(),
    company: { name: customer.company.name, time_zone: customer.company.timeZone },
    customer: {
      id: customer.id,
      name: customer.name,
      phone: customer.erasedAt ? null : customer.phone,
      email: customer.email,
      notes: customer.notes,
      sms_opt_out: customer.smsOptOut,
      email_opt_out: customer.emailOptOut,
      card_consent_at: iso(customer.cardConsentAt),
      cancellation_count: customer.cancellationCount,
      no_show_count: customer.noShowCount,
      created_at: customer.createdAt.toISOString(),
      erased_at: iso(customer.erasedAt),
    },
    appointments: appointments.map((a) => ({
      id: a.id,
      starts_at: a.startsAt.toISOString(),
      ends_at: a.endsAt.toISOString(),
      status: a.status,
      source: a.source,
      service: a.service.name,
      branch: a.branch.name,
      staff: a.staff?.name ?? null,
      notes: a.notes,
      created_by: a.createdBy,
      cancelled_at: iso(a.cancelledAt),
      cancellation_reason: a.cancellationReason,
      rescheduled_at: iso(a.rescheduledAt),
      created_at: a.createdAt.toISOString(),
    })),
    calls: calls.map((c) => ({
      id: c.id,
      retell_call_id: c.retellCallId,
      direction: c.direction,
      from_number: c.fromNumber,
      to_number: c.toNumber,
      started_at: iso(c.startedAt),
      ended_at: iso(c.endedAt),
      duration_ms: c.durationMs,
      outcome: c.outcome,
      summary: c.summary,
      transcript: c.transcript,
      transcript_object: c.transcriptObject ?? null,
      recording_url: c.recordingUrl,
      collected_data: c.collectedData ?? null,
      analysis: c.analysis ?? null,
      content_removed_at: iso(c.contentRemovedAt),
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      status: t.status,
      details: t.details ?? null,
      created_at: t.createdAt.toISOString(),
      status_changed_at: iso(t.statusChangedAt),
    })),
    messages: messages.map((m) => ({
      id: m.id,
      channel: m.channel,
      kind: m.kind,
      to: m.to,
      subject: m.subject,
      body: m.body,
      state: m.state,
      sent_at: iso(m.sentAt),
      created_at: m.createdAt.toISOString(),
    })),
    payments: payments.map((p) => ({
      id: p.id,
      appointment_id: p.appointmentId,
      kind: p.kind,
      state: p.state,
      amount_cents: p.amountCents,
      refunded_cents: p.refundedCents,
      currency: p.currency,
      stripe_payment_intent_id: p.stripePaymentIntentId,
      paid_at: iso(p.paidAt),
      created_at: p.createdAt.toISOString(),
    })),
    audit: audit.map((r) => ({
      created_at: r.createdAt.toISOString(),
      method: r.method,
      action: actionLabel(r.method),
      outcome: r.outcome,
      actor_name: r.actorName,
      entity_type: r.entityType,
      entity_id: r.entityId,
    })),
  };
}
