"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarClock, LoaderCircle } from "lucide-react";
import { useState } from "react";
import type { z } from "zod";
import { FormField } from "@/components/forms/form-field";
import { validateWith } from "@/components/forms/schema-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { changeParams, type AppointmentDto, type getResult } from "@/server/services/appointments/schemas";
import { describeAppointment } from "./describe";
import { FormAlert } from "@/components/forms/form-alert";
import { berlinDay, germanDay } from "./list-filters";
import { OptionSelect } from "@/components/forms/option-select";
import { staffOf, useAppointmentOptions } from "./options";
import { appErrorCode } from "@/components/forms/trpc-errors";
import { serviceErrors, SLOT_TAKEN } from "./service-errors";
import { SlotPicker } from "./slot-picker";
import { useRefreshAppointments } from "./use-refresh-appointments";

/** "Verschieben": a new day and free time (same staff member unless another is chosen), through appointments.change. */
export function ChangeAppointmentDialog({ appointment }: { appointment: AppointmentDto }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <CalendarClock aria-hidden /> Verschieben
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-2xl">
        {open && <ChangeAppointmentForm appointment={appointment} onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function ChangeAppointmentForm({ appointment, onDone }: { appointment: AppointmentDto; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useAppointmentOptions();
  const refresh = useRefreshAppointments();
  const [date, setDate] = useState(() => berlinDay(appointment.starts_at));
  const [staffId, setStaffId] = useState<string | undefined>(undefined);
  const [time, setTime] = useState<string | undefined>(undefined);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const others = staffOf(options.staff, appointment.branch_id, appointment.service_id).filter((s) => s.id !== appointment.staff_id);

  const change = useMutation(
    trpc.appointments.change.mutationOptions({
      onSuccess: async (result) => {
        toast.success("Termin verschoben.", { description: result.message });
        const detailKey = trpc.appointments.get.queryKey({ appointment_id: appointment.id });
        queryClient.setQueryData(detailKey, (old: z.output<typeof getResult> | undefined) => old && { ...old, appointment: result.appointment });
        onDone();
        await refresh(appointment.id);
      },
      onError: async (err) => {
        const found = serviceErrors(err);
        setErrors(found);
        if (found._) toast.error(found._);
        if (appErrorCode(err) === SLOT_TAKEN) {
          setTime(undefined);
          await queryClient.invalidateQueries(trpc.appointments.checkAvailability.pathFilter());
        }
      },
    }),
  );

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const checked = validateWith(changeParams, {
      appointment_id: appointment.id,
      new_date: date,
      new_time: time ?? "",
      staff_id: staffId,
      reason: reason.trim() || undefined,
    });
    if ("errors" in checked || !time) return setErrors({ ...("errors" in checked ? checked.errors : {}), ...(time ? {} : { new_time: "Bitte eine freie Uhrzeit wählen." }) });
    setErrors({});
    change.mutate(checked.data);
  }

  return (
    <form onSubmit={submit} className="grid gap-5" noValidate>
      <DialogHeader>
        <DialogTitle>Termin verschieben</DialogTitle>
        <DialogDescription>
          {describeAppointment(appointment)} bei {appointment.staff}. Die Kundschaft erhält eine Bestätigung der neuen Zeit.
        </DialogDescription>
      </DialogHeader>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="change-date"
          label="Neues Datum"
          hint={germanDay(date)}
          error={errors.new_date}
          control={(props) => (
            <Input
              {...props}
              type="date"
              value={date}
              onChange={(e) => {
                setDate(e.target.value);
                setTime(undefined);
              }}
            />
          )}
        />
        <OptionSelect
          id="change-staff"
          label="Mitarbeiter"
          value={staffId}
          noneLabel={appointment.staff_id ? `Wie bisher (${appointment.staff})` : "Beliebig"}
          options={others.map((s) => ({ value: s.id, label: s.name }))}
          error={errors.staff_id}
          onChange={(next) => {
            setStaffId(next);
            setTime(undefined);
          }}
        />
      </div>
      <SlotPicker
        id="change-time"
        query={{ branchId: appointment.branch_id, serviceId: appointment.service_id, staffId: staffId ?? appointment.staff_id ?? undefined, date }}
        value={time}
        error={errors.new_time}
        onChange={setTime}
      />
      <FormField
        id="change-reason"
        label="Grund (optional)"
        error={errors.reason}
        control={(props) => <Textarea {...props} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={2} />}
      />
      <FormAlert message={errors._} />
      <DialogFooter>
        <Button type="submit" disabled={change.isPending}>
          {change.isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : <CalendarClock aria-hidden />}
          Termin verschieben
        </Button>
      </DialogFooter>
    </form>
  );
}
