import { toast } from "@/components/ui/sonner";

/**
 * A saved change that the service also pushed to the Retell agents: success, or a warning
 * when the change is stored but Retell did not take it (the service reports why).
 */
export function toastSavedAndPushed(message: string, pushError: string | undefined): void {
  if (pushError) toast.warning(message, { description: `Nicht an Retell übertragen: ${pushError}` });
  else toast.success(message);
}
