import { LoaderCircle } from "lucide-react";
import { Button } from "@/components/ui/button";

/** A button whose icon turns into a spinner while its action runs; it is disabled meanwhile. */
export function PendingButton({
  pending,
  icon,
  disabled,
  children,
  ...props
}: React.ComponentProps<typeof Button> & { pending: boolean; icon: React.ReactNode }) {
  return (
    <Button {...props} disabled={pending || disabled}>
      {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : icon}
      {children}
    </Button>
  );
}
