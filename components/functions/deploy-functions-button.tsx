"use client";

import { useMutation } from "@tanstack/react-query";
import { UploadCloud } from "lucide-react";
import { PendingButton } from "@/components/forms/pending-button";
import { toastError } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { toast } from "@/components/ui/sonner";

/** "Funktionen an Agenten übertragen": every enabled function as a tool of the company's Retell agents. */
export function DeployFunctionsButton() {
  const trpc = useTRPC();
  const deploy = useMutation(
    trpc.retell.config.deployFunctions.mutationOptions({
      onSuccess: ({ deployed_agents, functions }) =>
        toast.success(`${functions.length} Funktionen an ${deployed_agents.length === 1 ? "einen Agenten" : `${deployed_agents.length} Agenten`} übertragen.`, {
          description: deployed_agents.join(", "),
        }),
      onError: toastError,
    }),
  );
  return (
    <PendingButton type="button" variant="outline" onClick={() => deploy.mutate({})} pending={deploy.isPending} icon={<UploadCloud aria-hidden />}>
      Funktionen an Agenten übertragen
    </PendingButton>
  );
}
