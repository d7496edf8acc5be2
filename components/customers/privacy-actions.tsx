"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, Printer, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toastError } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/sonner";
import { sameName } from "@/server/services/appointments/schemas";
import { ERASE_CONFIRM_WORD } from "@/server/services/privacy/schemas";

/**
 * Datenschutz for one customer: the export as a JSON file (Auskunft), a printable page of the
 * same data, and (admins, `canErase`) erasing the personal data on request.
 */
export function CustomerPrivacyActions({ customerId, canErase = false }: { customerId: string; canErase?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const customer = useQuery(trpc.customer.get.queryOptions({ customer_id: customerId }));
  const [exporting, setExporting] = useState(false);
  const erased = Boolean(customer.data?.erased_at);

  async function download() {
    setExporting(true);
    try {
      // Each export is read fresh: it is protocolled and must show the data as it is now.
      const data = await queryClient.fetchQuery({ ...trpc.privacy.exportCustomer.queryOptions({ customer_id: customerId }), staleTime: 0 });
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = exportFileName(data.customer.name, data.exported_at);
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    } catch (err) {
      toastError(err);
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="flex flex-wrap gap-2" aria-label="Datenschutz" role="group">
      <Button type="button" variant="outline" onClick={download} disabled={exporting}>
        <Download aria-hidden /> {exporting ? "Wird exportiert …" : "Daten exportieren (JSON)"}
      </Button>
      <Button asChild variant="outline">
        <Link href={`/kunden/${customerId}/daten`}>
          <Printer aria-hidden /> Druckansicht
        </Link>
      </Button>
      {canErase && !erased && customer.data && <EraseCustomerDialog customerId={customerId} name={customer.data.name} />}
    </div>
  );
}

/** kundendaten-maria-mueller-2026-03-11.json */
function exportFileName(name: string | null, exportedAt: string): string {
  const slug = (name ?? "kunde")
    .toLocaleLowerCase("de-DE")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `kundendaten-${slug || "kunde"}-${exportedAt.slice(0, 10)}.json`;
}

function EraseCustomerDialog({ customerId, name }: { customerId: string; name: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const expected = name?.trim() || ERASE_CONFIRM_WORD;
  const erase = useMutation(
    trpc.privacy.eraseCustomer.mutationOptions({
      onSuccess: async () => {
        toast.success("Kundendaten gelöscht");
        setOpen(false);
        await queryClient.invalidateQueries();
        router.refresh();
      },
      onError: toastError,
    }),
  );
  const confirmed = sameName(typed, expected);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setTyped("");
      }}
    >
      <Button type="button" variant="destructive" onClick={() => setOpen(true)}>
        <Trash2 aria-hidden /> Kunde löschen
      </Button>
      <DialogContent role="alertdialog">
        <DialogHeader>
          <DialogTitle>Kundendaten löschen?</DialogTitle>
          <DialogDescription>Das lässt sich nicht rückgängig machen. Exportieren Sie die Daten vorher, wenn der Kunde eine Kopie wünscht.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-3 text-sm">
          <div>
            <p className="font-medium">Wird gelöscht:</p>
            <ul className="ml-5 list-disc text-muted-foreground">
              <li>Name, Telefonnummer, E-Mail-Adresse und Notizen</li>
              <li>Transkripte, Zusammenfassungen und Aufnahmen seiner Anrufe</li>
              <li>Empfänger und Texte der Nachrichten an ihn; geplante Erinnerungen werden nicht mehr gesendet</li>
              <li>Angaben in Rückrufen und Terminnotizen</li>
            </ul>
          </div>
          <div>
            <p className="font-medium">Bleibt erhalten (für die Buchhaltung):</p>
            <ul className="ml-5 list-disc text-muted-foreground">
              <li>Termine mit Datum, Leistung und Mitarbeitenden, ohne Namen</li>
              <li>Zahlungen mit Betrag und Status</li>
            </ul>
          </div>
          <form
            id="erase-customer"
            className="grid gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (confirmed) erase.mutate({ customer_id: customerId, confirm_name: typed });
            }}
          >
            <Label htmlFor="erase-confirm-name">
              Zur Bestätigung „{expected}“ eingeben
            </Label>
            <Input id="erase-confirm-name" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" maxLength={200} />
          </form>
        </div>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => setOpen(false)}>
            Abbrechen
          </Button>
          <Button type="submit" form="erase-customer" variant="destructive" disabled={!confirmed || erase.isPending}>
            {erase.isPending ? "Wird gelöscht …" : "Endgültig löschen"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
