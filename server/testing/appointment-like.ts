import type { Appointment } from "@/server/generated/prisma/client";

/** The fields of a 30-minute appointment for `customerId` at `startsAt`, in the company, branch, service and staff member of `like`. */
export function appointmentLike(like: Pick<Appointment, "companyId" | "branchId" | "serviceId" | "staffId">, customerId: string, startsAt: Date) {
  return {
    companyId: like.companyId,
    branchId: like.branchId,
    serviceId: like.serviceId,
    staffId: like.staffId,
    customerId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 30 * 60_000),
  };
}
