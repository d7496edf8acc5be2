/** Payment rows: their DTO, and the appointment with what a payment needs to know about it. */
import type { Payment, Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { AppError, ErrorCodes } from "@/server/core/errors";
import type { PaymentDto } from "./schemas";

type Db = PrismaClient | Prisma.TransactionClient;

export function paymentToDto(p: Payment): PaymentDto {
  const open = p.state === "pending";
  return {
    id: p.id,
    appointment_id: p.appointmentId,
    kind: p.kind,
    state: p.state,
    amount_cents: p.amountCents,
    refunded_cents: p.refundedCents,
    currency: p.currency,
    checkout_url: open ? p.checkoutUrl : null,
    expires_at: p.expiresAt?.toISOString() ?? null,
    paid_at: p.paidAt?.toISOString() ?? null,
    refunded_at: p.refundedAt?.toISOString() ?? null,
    error: p.error,
    created_at: p.createdAt.toISOString(),
  };
}

export const appointmentForPayment = {
  customer: { select: { id: true, name: true, phone: true, email: true, stripeCustomerId: true, stripePaymentMethodId: true, cardConsentAt: true } },
  service: { select: { name: true, priceCents: true, depositCents: true, depositPercent: true } },
  branch: { select: { id: true, name: true, timeZone: true } },
  staff: { select: { name: true } },
  company: { select: { name: true } },
} satisfies Prisma.AppointmentInclude;

export type AppointmentForPayment = Prisma.AppointmentGetPayload<{ include: typeof appointmentForPayment }>;

/** The company's appointment, or NOT_FOUND (another company's id looks the same as none). */
export async function loadAppointment(db: Db, companyId: string, appointmentId: string): Promise<AppointmentForPayment> {
  const appointment = await db.appointment.findFirst({ where: { id: appointmentId, companyId }, include: appointmentForPayment });
  if (!appointment) throw new AppError(ErrorCodes.NOT_FOUND, "Der Termin wurde nicht gefunden.");
  return appointment;
}

/**
 * The deposit a service asks for, in cents: its fixed amount, else its percentage of the price;
 * null when it asks for none or the amount is below Stripe's minimum of 0,50 €.
 */
export function depositCentsFor(service: { priceCents: number | null; depositCents: number | null; depositPercent: number | null }): number | null {
  const cents =
    service.depositCents ?? (service.depositPercent && service.priceCents ? Math.round((service.priceCents * service.depositPercent) / 100) : null);
  return cents !== null && cents >= 50 ? cents : null;
}

/** The state of each appointment's latest deposit, in one statement (the appointment list's badge). */
export async function latestDepositStates(db: Db, companyId: string, appointmentIds: string[]): Promise<Map<string, Payment["state"]>> {
  if (appointmentIds.length === 0) return new Map();
  const rows = await db.payment.findMany({
    where: { companyId, appointmentId: { in: appointmentIds }, kind: "deposit" },
    orderBy: { createdAt: "asc" },
    select: { appointmentId: true, state: true },
  });
  // Ascending: a later deposit of the same appointment overwrites an earlier one.
  return new Map(rows.map((r) => [r.appointmentId, r.state]));
}
