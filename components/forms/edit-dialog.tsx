"use client";

import { Pencil } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

/**
 * A "Bearbeiten" button opening a scrollable dialog; the form mounts only while the dialog is
 * open, so each opening starts from the current values.
 */
export function EditDialog({ width, children }: { width: string; children: (close: () => void) => React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Pencil aria-hidden /> Bearbeiten
        </Button>
      </DialogTrigger>
      <DialogContent className={`max-h-[calc(100dvh-2rem)] overflow-y-auto ${width}`}>{open && children(() => setOpen(false))}</DialogContent>
    </Dialog>
  );
}
