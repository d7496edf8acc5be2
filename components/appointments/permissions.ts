/** What the user's role may do with appointments, as appointments.book/change/cancel decide (see the pages). */
export interface AppointmentPermissions {
  canBook: boolean;
  canChange: boolean;
  canCancel: boolean;
}
