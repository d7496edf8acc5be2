"use client";

import { useQuery } from "@tanstack/react-query";
import { Printer } from "lucide-react";
import { useRouter } from "next/navigation";
import { z } from "zod";
import { PrintOnlyContent } from "@/components/dashboard/print-only-content";
import { DateField } from "@/components/forms/date-input";
import { formatTime } from "@/components/forms/format";
import { OptionFormField } from "@/components/forms/option-select";
import { errorMessage } from "@/components/forms/trpc-errors";
import { dayField, weekdayDate } from "@/components/forms/typed-date";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Skeleton } from "@/components/ui/skeleton";
import { STATUS_LABELS } from "./labels";
import { useAppointmentOptions } from "./options";
import { byStaff, dayPlanInput, printHref } from "./print-day";
import { formatPhoneForDisplay } from "@/server/scheduling/phone-display";

export const controls = z.object({ day: dayField(), branch: z.string() });
type Controls = z.input<typeof controls>;

/** "Tagesplan": one day's appointments, one section per staff member, to print ("Drucken"). */
export function DayPlan({ day, branch }: { day: string; branch?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const options = useAppointmentOptions();
  const form = useSchemaForm<Controls, z.output<typeof controls>>(controls, { day, branch: branch ?? "" });
  const list = useQuery(trpc.appointments.list.queryOptions(dayPlanInput(day, branch)));
  const branchName = branch ? options.branches.find((b) => b.id === branch)?.name : "Alle Filialen";
  const go = (next: { day?: string; branch?: string }) => router.replace(printHref(next.day ?? day, "branch" in next ? next.branch || undefined : branch));

  return (
    <div className="grid gap-6">
      <PrintOnlyContent />
      <Form {...form}>
        <form data-print-hidden className="grid items-end gap-4 sm:grid-cols-[12rem_16rem_auto]" onSubmit={(e) => e.preventDefault()} noValidate aria-label="Tag und Filiale wählen">
          <DateField<Controls, "day"> name="day" label="Tag" onApplied={(next) => next && go({ day: next })} />
          <OptionFormField
            control={form.control}
            name="branch"
            label="Filiale"
            noneLabel="Alle Filialen"
            options={options.branches.map((b) => ({ value: b.id, label: b.name }))}
            onChosen={(next) => go({ branch: next })}
          />
          <Button type="button" onClick={() => window.print()} className="justify-self-start">
            <Printer aria-hidden /> Drucken
          </Button>
        </form>
      </Form>

      <section aria-labelledby="day-plan-heading" className="grid gap-6">
        <h1 id="day-plan-heading" className="text-2xl font-semibold tracking-tight">
          Tagesplan {weekdayDate(day)}
          {branchName && <span className="font-normal text-muted-foreground"> · {branchName}</span>}
        </h1>
        {list.status === "pending" ? (
          <Skeleton className="h-40 w-full" aria-label="Tagesplan wird geladen" />
        ) : list.status === "error" ? (
          <Alert variant="destructive">
            <AlertDescription>Der Tagesplan konnte nicht geladen werden: {errorMessage(list.error)}</AlertDescription>
          </Alert>
        ) : (
          <StaffSections data={list.data} />
        )}
      </section>
    </div>
  );
}

function StaffSections({ data }: { data: { appointments: Parameters<typeof byStaff>[0]; total: number } }) {
  const sections = byStaff(data.appointments);
  if (sections.length === 0) return <p className="text-sm text-muted-foreground">An diesem Tag sind keine Termine geplant.</p>;
  return (
    <>
      {data.total > data.appointments.length && (
        <Alert>
          <AlertDescription>
            Es werden die ersten {data.appointments.length} von {data.total} Terminen gezeigt. Bitte eine Filiale wählen.
          </AlertDescription>
        </Alert>
      )}
      {sections.map((section, index) => (
        // Each staff member on a sheet of their own.
        <section key={section.staffId ?? "none"} aria-label={section.staff} data-testid="day-plan-staff" className={index > 0 ? "break-before-page" : undefined}>
          <h3 className="mb-2 border-b pb-1 text-lg font-semibold">
            {section.staff} <span className="text-sm font-normal text-muted-foreground">· {section.appointments.length === 1 ? "1 Termin" : `${section.appointments.length} Termine`}</span>
          </h3>
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b text-left text-xs uppercase tracking-wide text-muted-foreground">
                <th className="py-1 pr-3 font-medium">Zeit</th>
                <th className="py-1 pr-3 font-medium">Kundschaft</th>
                <th className="py-1 pr-3 font-medium">Leistung</th>
                <th className="py-1 pr-3 font-medium">Telefon</th>
                <th className="py-1 font-medium">Notizen</th>
              </tr>
            </thead>
            <tbody>
              {section.appointments.map((a) => (
                <tr key={a.id} className="break-inside-avoid border-b align-top">
                  <td className="tabular whitespace-nowrap py-1.5 pr-3">
                    {a.time}–{formatTime(a.ends_at)}
                  </td>
                  <td className="py-1.5 pr-3 font-medium">
                    {a.customer_name ?? "Unbekannt"}
                    {a.status !== "scheduled" && <span className="ml-1 font-normal text-muted-foreground">({STATUS_LABELS[a.status].label})</span>}
                  </td>
                  <td className="py-1.5 pr-3">{a.service}</td>
                  <td className="tabular whitespace-nowrap py-1.5 pr-3">{formatPhoneForDisplay(a.customer_phone)}</td>
                  <td className="whitespace-pre-line py-1.5">{a.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
