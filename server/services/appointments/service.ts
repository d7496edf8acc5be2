/**
 * The appointments service functions, `(ctx, params) => result`, for every door and for the
 * Retell custom functions. Results carry a German `message` ready to be read to a caller.
 */
export { checkAvailability, findNextSlot } from "./availability";
export { bookAppointment } from "./book";
export { cancelAppointment, DEFAULT_CANCEL_REASON } from "./cancel";
export { changeAppointment, DEFAULT_CHANGE_REASON } from "./change";
export { findAppointmentsByPhone } from "./find";
export { getAppointment, listAppointments } from "./list";
export { setAppointmentStatus } from "./status";
export { updateAppointment } from "./update";
