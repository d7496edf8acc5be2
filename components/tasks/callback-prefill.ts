/** What the booking form starts with when a callback becomes an appointment: what the caller said in the call. */
import type { BookFields } from "@/components/appointments/create-appointment-dialog";
import { parseTypedDate } from "@/components/forms/typed-date";
import { formatPhoneForDisplay } from "@/server/scheduling/phone-display";
import type { ServiceDto } from "@/server/services/service/schemas";
import type { TaskDto } from "@/server/services/webhook/schemas";

const fold = (text: string) => text.trim().toLocaleLowerCase("de-DE");

/**
 * Phone and name (the understood ones, else the caller's number and known name), the branch the
 * call came in for, the service (understood, or the one named alike), the wished day when it is
 * a day and not past (else the form's today), and the wished time as a note: the free times are
 * chosen in the form.
 */
export function callbackPrefill(
  task: Pick<TaskDto, "collected" | "caller_number" | "customer_name">,
  services: Array<Pick<ServiceDto, "id" | "name">>,
  today: string,
): Partial<BookFields> {
  const c = task.collected;
  const phone = c.customer_phone ?? (task.caller_number && /\d/.test(task.caller_number) ? task.caller_number : null);
  const serviceId = c.service_id ?? (c.service ? services.find((s) => fold(s.name) === fold(c.service!))?.id : undefined);
  const day = c.date ?? (c.date_spoken ? parseTypedDate(c.date_spoken) : null);
  const notes = [c.time ? `Wunschzeit laut Anruf: ${c.time} Uhr` : null, c.notes].filter(Boolean).join("\n");
  return {
    ...(c.branch_id ? { branch_id: c.branch_id } : {}),
    ...(serviceId ? { service_id: serviceId } : {}),
    ...(day && day >= today ? { date: day } : {}),
    customer_phone: phone ? formatPhoneForDisplay(phone) : "",
    customer_name: c.customer_name ?? task.customer_name ?? "",
    notes,
  };
}
