import * as branch from "@/server/services/branch/schemas";
import * as s from "@/server/services/appointments/schemas";
import * as service from "@/server/services/service/schemas";
import * as staff from "@/server/services/staff/schemas";
import { methodMutation, methodQuery } from "@/server/doors/trpc/method-procedure";
import { createTRPCRouter } from "@/server/doors/trpc/trpc";

/** Termine: list, detail, free times, book, move and cancel through the `appointments` server; the filters' option lists from branch, staff and service. */
export const appointmentsRouter = createTRPCRouter({
  list: methodQuery("appointments.list", s.listParams, s.listResult),
  get: methodQuery("appointments.get", s.getParams, s.getResult),
  checkAvailability: methodQuery("appointments.checkAvailability", s.checkAvailabilityParams, s.checkAvailabilityResult),
  book: methodMutation("appointments.book", s.bookParams, s.bookResult),
  change: methodMutation("appointments.change", s.changeParams, s.changeResult),
  cancel: methodMutation("appointments.cancel", s.cancelParams, s.cancelResult),
  branches: methodQuery("branch.list", branch.listParams, branch.listResult),
  staff: methodQuery("staff.list", staff.listParams, staff.listResult),
  services: methodQuery("service.list", service.listParams, service.listResult),
});
