"use client";

import { useMutation, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Download, PlugZap } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { NOT_CONNECTED, retellReadOptions } from "@/components/agents/retell-reads";
import { OptionSelect } from "@/components/forms/option-select";
import { PendingButton } from "@/components/forms/pending-button";
import { appErrorCode, errorMessage, toastError } from "@/components/forms/trpc-errors";
import { RetryButton } from "@/components/lists/retry-button";
import { BRANCHES_INPUT } from "@/components/settings/list-inputs";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/sonner";
import type { RetellNumberDto } from "@/server/services/phone/schemas";
import { branchOptions, NO_BRANCH_LABEL } from "./branch-options";
import { useRefreshNumbers } from "./use-refresh-numbers";

/** Why a number of the workspace cannot be chosen. */
const TAKEN_REASON: Record<RetellNumberDto["status"], string | null> = { free: null, added: "bereits hinzugefügt", taken: "bereits vergeben" };

/** "Aus Retell importieren": the Retell workspace's numbers to choose from, a branch, import. */
export function ImportNumbersDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Download aria-hidden /> Aus Retell importieren
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Rufnummern aus Retell importieren</DialogTitle>
          <DialogDescription>Nummern Ihres Retell-Arbeitsbereichs übernehmen, mit ihrer Bezeichnung und dem Agenten, der sie annimmt.</DialogDescription>
        </DialogHeader>
        {open && <ImportNumbers onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

type ImportResults = Array<{ input: string; number: string | null; outcome: string; message: string }>;

function ImportNumbers({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshNumbers();
  const numbers = useQuery({ ...trpc.phone.listRetellNumbers.queryOptions({}), ...retellReadOptions });
  const { data: branchData } = useSuspenseQuery(trpc.branch.list.queryOptions(BRANCHES_INPUT));
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [branchId, setBranchId] = useState<string | undefined>(undefined);
  const [refused, setRefused] = useState<ImportResults>([]);

  const importNumbers = useMutation(
    trpc.phone.importFromRetell.mutationOptions({
      onSuccess: async ({ results, added }) => {
        if (added > 0) toast.success(added === 1 ? "1 Rufnummer wurde übernommen." : `${added} Rufnummern wurden übernommen.`);
        const notAdded = results.filter((r) => r.outcome !== "added");
        setRefused(notAdded);
        setChosen(new Set());
        await refresh();
        if (notAdded.length === 0) onDone();
      },
      onError: toastError,
    }),
  );

  if (numbers.isPending) {
    return (
      <div aria-busy="true" aria-label="Rufnummern werden geladen" className="grid gap-2">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </div>
    );
  }
  if (numbers.isError) {
    if (appErrorCode(numbers.error) === NOT_CONNECTED) {
      return (
        <Alert data-testid="import-retell-not-connected">
          <PlugZap aria-hidden />
          <AlertTitle>Retell ist nicht verbunden</AlertTitle>
          <AlertDescription className="grid gap-3">
            <p>Für den Import wird der Retell-API-Schlüssel Ihrer Firma benötigt. Bitte hinterlegen Sie ihn zuerst unter Retell.</p>
            <Button asChild size="sm" className="justify-self-start">
              <Link href="/retell#api-key">Retell-API-Schlüssel hinterlegen</Link>
            </Button>
          </AlertDescription>
        </Alert>
      );
    }
    return (
      <div className="grid justify-items-start gap-3">
        <p role="alert" className="text-sm text-destructive">
          {errorMessage(numbers.error)}
        </p>
        <RetryButton onRetry={numbers.refetch} retrying={numbers.isFetching} />
      </div>
    );
  }

  const list = numbers.data.numbers;
  const toggle = (number: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(number);
      else next.delete(number);
      return next;
    });

  return (
    <div className="grid gap-5">
      {list.length === 0 ? (
        <p className="text-sm text-muted-foreground">In Ihrem Retell-Arbeitsbereich gibt es keine Rufnummern.</p>
      ) : (
        <fieldset className="grid gap-2">
          <legend className="mb-2 text-sm font-medium">Rufnummern in Ihrem Retell-Arbeitsbereich</legend>
          {list.map((n) => {
            const reason = TAKEN_REASON[n.status];
            const id = `import-${n.number}`;
            return (
              <div key={n.number} className="flex items-start gap-3 rounded-md border px-3 py-2" data-testid={`retell-number-${n.number}`}>
                <Checkbox
                  id={id}
                  checked={chosen.has(n.number)}
                  disabled={reason !== null || importNumbers.isPending}
                  onCheckedChange={(v) => toggle(n.number, v === true)}
                  aria-describedby={reason ? `${id}-reason` : undefined}
                  className="mt-0.5"
                />
                <div className="grid min-w-0 flex-1 gap-0.5">
                  <Label htmlFor={id} className={reason ? "text-muted-foreground" : undefined}>
                    <span className="tabular">{n.display}</span>
                    {n.nickname && <span className="font-normal text-muted-foreground"> · {n.nickname}</span>}
                  </Label>
                  {reason && (
                    <span id={`${id}-reason`} className="text-xs text-muted-foreground">
                      {reason}
                    </span>
                  )}
                </div>
              </div>
            );
          })}
        </fieldset>
      )}
      <OptionSelect
        id="import-branch"
        label="Filiale"
        value={branchId}
        onChange={setBranchId}
        noneLabel={NO_BRANCH_LABEL}
        options={branchOptions(branchData.branches)}
        hint="Anrufe auf den übernommenen Nummern gehören zu dieser Filiale."
      />
      {refused.length > 0 && (
        <Alert variant="destructive" data-testid="import-refused">
          <AlertTitle>Nicht übernommen</AlertTitle>
          <AlertDescription>
            <ul className="grid gap-1">
              {refused.map((r, i) => (
                <li key={`${r.input}-${i}`}>
                  <span className="tabular">{r.number ?? r.input}</span>: {r.message}
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      )}
      <DialogFooter>
        <PendingButton
          type="button"
          pending={importNumbers.isPending}
          disabled={chosen.size === 0}
          icon={<Download aria-hidden />}
          onClick={() => importNumbers.mutate({ numbers: [...chosen], branch_id: branchId ?? null })}
        >
          Importieren
        </PendingButton>
      </DialogFooter>
    </div>
  );
}
