import * as branch from "@/server/mcp/branch/schemas";
import * as s from "@/server/mcp/appointments/schemas";
import * as service from "@/server/mcp/service/schemas";
import * as staff from "@/server/mcp/staff/schemas";
import { methodMutation, methodQuery } from "../method-procedure";
import { createTRPCRouter } from "../trpc";

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
