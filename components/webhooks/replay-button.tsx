"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { PendingButton } from "@/components/forms/pending-button";
import { toastError } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { toast } from "@/components/ui/sonner";

/** "Erneut verarbeiten" for a failed event; the toast says how it went, the list and detail follow. */
export function ReplayButton({ eventId, size = "default" }: { eventId: string; size?: "default" | "sm" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const replay = useMutation(
    trpc.webhook.replayEvent.mutationOptions({
      onSuccess: async (result) => {
        if (result.event.status === "failed") toast.error(result.message);
        else if (result.replayed) toast.success(result.message);
        else toast.info(result.message);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.webhook.listEvents.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.webhook.getEvent.pathKey() }),
        ]);
      },
      onError: toastError,
    }),
  );
  return (
    <PendingButton type="button" size={size} variant="outline" pending={replay.isPending} icon={<RotateCcw aria-hidden />} onClick={() => replay.mutate({ event_id: eventId })}>
      Erneut verarbeiten
    </PendingButton>
  );
}
