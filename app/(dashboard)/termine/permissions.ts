import type { AppointmentPermissions } from "@/components/appointments/permissions";
import { userMayCall } from "@/server/services/dashboard/method-access";

/** The buttons a role gets: exactly what appointments.book, change and cancel accept from it. */
export function appointmentPermissions(role: "admin" | "staff"): AppointmentPermissions {
  return {
    canBook: userMayCall("appointments.book", role),
    canChange: userMayCall("appointments.change", role),
    canCancel: userMayCall("appointments.cancel", role),
  };
}
