"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toastError } from "@/components/forms/trpc-errors";
import { toastSavedAndPushed } from "@/components/retell/retell-toasts";
import { useTRPC } from "@/components/trpc/provider";

/**
 * Switches a function on or off, shown at once: the list flips while the call runs, is put
 * back if the service refuses, and is refetched after.
 */
export function useToggleFunction() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.retell.config.getCustomFunctions.queryKey({});

  return useMutation(
    trpc.retell.config.updateCustomFunction.mutationOptions({
      onMutate: async ({ function_id, updates }) => {
        await queryClient.cancelQueries({ queryKey: listKey });
        const before = queryClient.getQueryData(listKey);
        queryClient.setQueryData(listKey, (old) =>
          old && { ...old, functions: old.functions.map((f) => (f.id === function_id ? { ...f, enabled: updates.enabled ?? f.enabled } : f)) },
        );
        return before;
      },
      onError: (err, _vars, before) => {
        if (before) queryClient.setQueryData(listKey, before);
        toastError(err);
      },
      onSuccess: ({ function: fn, deploy_error }) => {
        toastSavedAndPushed(`„${fn.name}“ ist jetzt ${fn.enabled ? "aktiviert" : "deaktiviert"}.`, fn.enabled ? deploy_error : undefined);
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
    }),
  );
}
