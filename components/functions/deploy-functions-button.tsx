"use client";

import { useMutation } from "@tanstack/react-query";
import { LoaderCircle, UploadCloud } from "lucide-react";
import { toastError } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
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
    <Button type="button" variant="outline" onClick={() => deploy.mutate({})} disabled={deploy.isPending}>
      {deploy.isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : <UploadCloud aria-hidden />}
      Funktionen an Agenten übertragen
    </Button>
  );
}
