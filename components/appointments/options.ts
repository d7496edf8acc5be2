"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import type { BranchDto } from "@/server/services/branch/schemas";
import type { ServiceDto } from "@/server/services/service/schemas";
import type { StaffDto } from "@/server/services/staff/schemas";

/** The option lists of the filters and forms: active branches, staff and services (branch.list, staff.list, service.list). */
export function useAppointmentOptions() {
  const trpc = useTRPC();
  const branches = useQuery(trpc.branch.list.queryOptions({}));
  const staff = useQuery(trpc.staff.list.queryOptions({}));
  const services = useQuery(trpc.service.list.queryOptions({}));
  return {
    branches: branches.data?.branches ?? ([] as BranchDto[]),
    staff: staff.data?.staff ?? ([] as StaffDto[]),
    services: services.data?.services ?? ([] as ServiceDto[]),
    isPending: branches.isPending || staff.isPending || services.isPending,
  };
}

/** Services offered in the branch (their own branch or every branch). */
export function servicesOfBranch(services: ServiceDto[], branchId: string | undefined): ServiceDto[] {
  return branchId ? services.filter((s) => s.branch_id === null || s.branch_id === branchId) : services;
}

/** Staff of the branch, and when a service is given, only those who offer it. */
export function staffOf(staff: StaffDto[], branchId: string | undefined, serviceId?: string): StaffDto[] {
  return staff.filter((s) => (!branchId || s.branch_id === branchId) && (!serviceId || s.service_ids.includes(serviceId)));
}
