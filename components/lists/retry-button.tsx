import { RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";

/** "Erneut versuchen" after a failed read; spins and waits while the read runs again. */
export function RetryButton({ onRetry, retrying }: { onRetry: () => unknown; retrying: boolean }) {
  return (
    <Button type="button" variant="outline" onClick={() => void onRetry()} disabled={retrying}>
      <RotateCw className={retrying ? "animate-spin" : undefined} aria-hidden /> Erneut versuchen
    </Button>
  );
}
