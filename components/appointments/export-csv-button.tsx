"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { downloadCsv } from "@/components/lists/csv";
import { errorMessage } from "@/components/forms/trpc-errors";
import { PendingButton } from "@/components/forms/pending-button";
import { useTRPC } from "@/components/trpc/provider";
import { toast } from "@/components/ui/sonner";
import type { AppointmentDto } from "@/server/services/appointments/schemas";
import { appointmentsCsv, csvFileName } from "./appointments-csv";
import { listInput, type AppointmentFilters } from "./list-filters";

/** appointments.list takes at most this many per call. */
const CHUNK = 200;

/** "CSV exportieren": every appointment of the current filters (all pages, not only the one shown). */
export function ExportCsvButton({ filters }: { filters: AppointmentFilters }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);

  const exportAll = async () => {
    setPending(true);
    try {
      const all: AppointmentDto[] = [];
      for (let offset = 0; ; offset += CHUNK) {
        const input = { ...listInput({ ...filters, page: 1 }), limit: CHUNK, offset };
        const page = await queryClient.fetchQuery({ ...trpc.appointments.list.queryOptions(input), staleTime: 0 });
        all.push(...page.appointments);
        if (page.appointments.length < CHUNK || all.length >= page.total) break;
      }
      downloadCsv(csvFileName(filters), appointmentsCsv(all));
      toast.success(`${all.length} ${all.length === 1 ? "Termin" : "Termine"} als CSV exportiert.`);
    } catch (err) {
      toast.error(`Der Export ist fehlgeschlagen: ${errorMessage(err)}`);
    } finally {
      setPending(false);
    }
  };

  return (
    <PendingButton type="button" variant="outline" size="sm" pending={pending} icon={<Download aria-hidden />} onClick={() => void exportAll()}>
      CSV exportieren
    </PendingButton>
  );
}
