import { LoaderCircle } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The submit button of a settings form, with a spinner while saving. */
export function SaveButton({ pending, children = "Speichern" }: { pending: boolean; children?: React.ReactNode }) {
  return (
    <Button type="submit" disabled={pending}>
      {pending && <LoaderCircle className="animate-spin" aria-hidden />}
      {children}
    </Button>
  );
}
