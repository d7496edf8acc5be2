"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/sonner";
import { errorMessage } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";

const TOASTS = { open: "Rückruf wieder offen.", not_reached: "Als nicht erreicht vermerkt.", done: "Rückruf erledigt." } as const;

/** webhook.setTaskStatus; afterwards the lists, the overview's count and the bell are read again. */
export function useTaskStatus() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.webhook.setTaskStatus.mutationOptions({
      onSuccess: async (result) => {
        toast.success(result.appointment_id && result.status === "done" ? "Termin angelegt, Rückruf erledigt." : TOASTS[result.status]);
        await Promise.all([
          queryClient.invalidateQueries(trpc.webhook.listTasks.pathFilter()),
          queryClient.invalidateQueries(trpc.notifications.list.pathFilter()),
        ]);
      },
      onError: (err) => toast.error(errorMessage(err)),
    }),
  );
}
