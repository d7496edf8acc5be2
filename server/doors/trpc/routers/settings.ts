import * as branch from "@/server/services/branch/schemas";
import * as calcom from "@/server/services/calcom/schemas";
import * as company from "@/server/services/company/schemas";
import * as service from "@/server/services/service/schemas";
import * as staff from "@/server/services/staff/schemas";
import { methodMutation, methodQuery } from "@/server/doors/trpc/method-procedure";
import { createTRPCRouter } from "@/server/doors/trpc/trpc";

/**
 * Einstellungen: company data and booking rules, branches with their hours, services, staff
 * with their hours, and the calendar connection, each through its server's methods (writes
 * admin-only there).
 */
export const settingsRouter = createTRPCRouter({
  company: methodQuery("company.get", company.getParams, company.getResult),
  updateCompany: methodMutation("company.update", company.updateParams, company.updateResult),
  updateSettings: methodMutation("company.updateSettings", company.updateSettingsParams, company.updateSettingsResult),

  branches: methodQuery("branch.list", branch.listParams, branch.listResult),
  createBranch: methodMutation("branch.create", branch.createParams, branch.createResult),
  updateBranch: methodMutation("branch.update", branch.updateParams, branch.updateResult),

  services: methodQuery("service.list", service.listParams, service.listResult),
  createService: methodMutation("service.create", service.createParams, service.createResult),
  updateService: methodMutation("service.update", service.updateParams, service.updateResult),

  staff: methodQuery("staff.list", staff.listParams, staff.listResult),
  createStaff: methodMutation("staff.create", staff.createParams, staff.createResult),
  updateStaff: methodMutation("staff.update", staff.updateParams, staff.updateResult),
  absences: methodQuery("staff.listAbsences", staff.listAbsencesParams, staff.listAbsencesResult),
  addAbsence: methodMutation("staff.addAbsence", staff.addAbsenceParams, staff.addAbsenceResult),
  removeAbsence: methodMutation("staff.removeAbsence", staff.removeAbsenceParams, staff.removeAbsenceResult),

  calendar: methodQuery("calcom.getConnection", calcom.getConnectionParams, calcom.getConnectionResult),
  updateCalendar: methodMutation("calcom.updateConnection", calcom.updateConnectionParams, calcom.updateConnectionResult),
  testCalendar: methodMutation("calcom.testConnection", calcom.testConnectionParams, calcom.testConnectionResult),
});
