import type { LucideIcon } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";

/**
 * An action in a table row: icon and text on wide screens, the icon alone below xl so the
 * table fits a tablet. Callers give an aria-label that names the row ("Anna Becker bearbeiten").
 */
export function RowButton({ icon: Icon, label, ...props }: ButtonProps & { icon: LucideIcon; label: string; "aria-label": string }) {
  return (
    <Button variant="outline" size="sm" title={props["aria-label"]} {...props}>
      <Icon aria-hidden />
      <span className="hidden xl:inline">{label}</span>
    </Button>
  );
}
