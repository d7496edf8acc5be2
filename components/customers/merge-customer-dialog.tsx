"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Merge, Search } from "lucide-react";
import { useState } from "react";
import { errorMessage, toastError } from "@/components/forms/trpc-errors";
import { useDebounced } from "@/components/forms/use-debounced";
import { PendingButton } from "@/components/forms/pending-button";
import { useTRPC, type RouterOutputs } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/sonner";
import { describeMoves } from "./merge-moves";

type Customer = RouterOutputs["customer"]["get"];

const SEARCH_DELAY_MS = 300;
const MIN_SEARCH = 2;

/**
 * "Zusammenführen": the same person under a second number. Pick the duplicate by name or number,
 * see what moves over, confirm; this customer stays, the duplicate is deleted.
 */
export function MergeCustomerDialog({ customer }: { customer: Customer }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Merge aria-hidden /> Zusammenführen
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        {open && <MergeSteps customer={customer} onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function MergeSteps({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const name = customer.name ?? customer.phone_display;
  return (
    <div className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Kunden zusammenführen</DialogTitle>
        <DialogDescription>
          Ist dieselbe Person unter einer zweiten Nummer gespeichert? Wählen Sie das Duplikat: Termine, Anrufe und alles Weitere gehen an {name}, das Duplikat wird danach
          gelöscht.
        </DialogDescription>
      </DialogHeader>
      {duplicateId ? (
        <MergePreview customer={customer} duplicateId={duplicateId} onBack={() => setDuplicateId(null)} onDone={onDone} />
      ) : (
        <DuplicatePicker customerId={customer.id} onPick={setDuplicateId} />
      )}
    </div>
  );
}

function DuplicatePicker({ customerId, onPick }: { customerId: string; onPick: (id: string) => void }) {
  const trpc = useTRPC();
  const [typed, setTyped] = useState("");
  const query = useDebounced(typed.trim(), SEARCH_DELAY_MS);
  const found = useQuery({ ...trpc.customer.list.queryOptions({ query, limit: 8 }), enabled: query.length >= MIN_SEARCH });
  const candidates = found.data?.customers.filter((c) => c.id !== customerId) ?? [];

  return (
    <div className="grid gap-3">
      <div className="grid gap-2">
        <Label htmlFor="merge-search">Duplikat suchen</Label>
        <div className="relative">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            id="merge-search"
            type="search"
            className="pl-8"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder="Name oder Telefonnummer"
            autoComplete="off"
            maxLength={100}
            autoFocus
          />
        </div>
      </div>
      {query.length >= MIN_SEARCH && found.isError && (
        <p role="alert" className="text-sm text-destructive">
          {errorMessage(found.error)}
        </p>
      )}
      {query.length >= MIN_SEARCH && found.isSuccess && candidates.length === 0 && <p className="text-sm text-muted-foreground">Kein anderer Kunde gefunden.</p>}
      {candidates.length > 0 && (
        <ul className="grid gap-2" aria-label="Gefundene Kunden">
          {candidates.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => onPick(c.id)}
                className="flex w-full flex-wrap items-baseline justify-between gap-x-4 rounded-md border px-3 py-2 text-left text-sm hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                data-testid="merge-candidate"
              >
                <span className="font-medium">{c.name ?? "Ohne Namen"}</span>
                <span className="tabular whitespace-nowrap text-muted-foreground">
                  {c.phone_display}
                  {c.last_visit ? ` · zuletzt ${c.last_visit}` : ""}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function MergePreview({ customer, duplicateId, onBack, onDone }: { customer: Customer; duplicateId: string; onBack: () => void; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preview = useQuery({ ...trpc.customer.mergePreview.queryOptions({ customer_id: customer.id, duplicate_id: duplicateId }), staleTime: 0 });
  const merge = useMutation(
    trpc.customer.merge.mutationOptions({
      onSuccess: async (result) => {
        toast.success(`Kunden zusammengeführt: ${describeMoves(result.moved)} übernommen.`);
        onDone();
        await queryClient.invalidateQueries(trpc.customer.pathFilter());
      },
      onError: toastError,
    }),
  );

  if (preview.isPending) return <p className="text-sm text-muted-foreground">Vorschau wird geladen …</p>;
  if (preview.isError) {
    return (
      <div className="grid gap-3">
        <p role="alert" className="text-sm text-destructive">
          {errorMessage(preview.error)}
        </p>
        <DialogFooter>
          <Button variant="outline" onClick={onBack}>
            Zurück
          </Button>
        </DialogFooter>
      </div>
    );
  }
  const { duplicate, moves } = preview.data;
  const keptName = customer.name ?? customer.phone_display;
  return (
    <div className="grid gap-4" data-testid="merge-preview">
      <div className="grid gap-1 rounded-md border p-3 text-sm">
        <p>
          <span className="font-medium">Duplikat:</span> {duplicate.name ?? "Ohne Namen"}, <span className="tabular whitespace-nowrap">{duplicate.phone_display}</span>
        </p>
        <p>
          <span className="font-medium">Bleibt:</span> {keptName}, <span className="tabular whitespace-nowrap">{customer.phone_display}</span>
        </p>
      </div>
      <ul className="grid list-disc gap-1 pl-5 text-sm">
        <li>Übernommen werden {describeMoves(moves)}.</li>
        <li>Nichterscheinen und Stornierungen werden addiert, die Notizen verbunden (mit der Nummer des Duplikats).</li>
        <li>Hat einer der beiden SMS oder E-Mails abgelehnt, gilt das danach für beide.</li>
        <li>Das Duplikat wird gelöscht. Das lässt sich nicht rückgängig machen.</li>
      </ul>
      <DialogFooter>
        <Button variant="outline" onClick={onBack} disabled={merge.isPending}>
          Anderes Duplikat wählen
        </Button>
        <PendingButton
          pending={merge.isPending}
          icon={<Merge aria-hidden />}
          onClick={() => merge.mutate({ customer_id: customer.id, duplicate_id: duplicateId })}
        >
          Zusammenführen
        </PendingButton>
      </DialogFooter>
    </div>
  );
}
