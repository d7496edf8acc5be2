import { PhoneCall } from "lucide-react";
import { cn } from "@/components/ui/utils";

/** The product mark: icon tile and name. */
export function Brand({ className, compact = false }: { className?: string; compact?: boolean }) {
  return (
    <span className={cn("flex items-center gap-2.5 font-semibold tracking-tight", className)}>
      <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <PhoneCall className="size-4" aria-hidden />
      </span>
      {!compact && <span className="text-base">AskProAI</span>}
    </span>
  );
}
