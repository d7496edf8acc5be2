"use client";

import { useState } from "react";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { cn } from "@/components/ui/utils";

/**
 * A dialog around one settings form. The form is mounted per opening, so every opening starts
 * from the stored values; it closes the dialog itself after saving.
 */
export function FormDialog({
  trigger,
  wide = false,
  children,
}: {
  trigger: React.ReactElement;
  wide?: boolean;
  children: (close: () => void) => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className={cn("max-h-[calc(100dvh-2rem)] overflow-y-auto", wide ? "sm:max-w-3xl" : "sm:max-w-xl")}>
        {open && children(() => setOpen(false))}
      </DialogContent>
    </Dialog>
  );
}
