"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { toastError } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/sonner";
import type { CustomFunction } from "./function-labels";

export function DeleteFunctionButton({ fn }: { fn: CustomFunction }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.retell.config.deleteCustomFunction.mutationOptions({
      onSuccess: async () => {
        toast.success(`„${fn.name}“ wurde gelöscht.`);
        await queryClient.invalidateQueries({ queryKey: trpc.retell.config.getCustomFunctions.queryKey() });
      },
      onError: toastError,
    }),
  );
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Funktion „${fn.name}“ löschen`}>
          <Trash2 aria-hidden /> Löschen
        </Button>
      }
      title={`Funktion „${fn.name}“ löschen?`}
      description="Der Telefonassistent kann sie danach nicht mehr aufrufen, sobald die Funktionen erneut an die Agenten übertragen wurden. Das lässt sich nicht rückgängig machen."
      confirmLabel="Endgültig löschen"
      onConfirm={() => remove.mutateAsync({ function_id: fn.id })}
    />
  );
}
