import type { Prisma } from "@/server/generated/prisma/client";

/**
 * Which rows belong to a customer: their calls are the ones linked to them and those from their
 * number (a call before the customer row existed is not linked).
 */
export function callsOf(companyId: string, customer: { id: string; phone: string; erasedAt: Date | null }): Prisma.CallWhereInput {
  return {
    companyId,
    OR: [{ customerId: customer.id }, ...(customer.erasedAt ? [] : [{ fromNumber: customer.phone }])],
  };
}

/** Messages addressed to the customer or about one of their appointments. */
export function messagesOf(companyId: string, customerId: string, appointmentIds: string[]): Prisma.MessageWhereInput {
  return { companyId, OR: [{ customerId }, { appointmentId: { in: appointmentIds } }] };
}

/** Tasks about the customer or about one of their calls. */
export function tasksOf(companyId: string, customerId: string, callIds: string[]): Prisma.TaskWhereInput {
  return { companyId, OR: [{ customerId }, { callId: { in: callIds } }] };
}
