"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { FormDialog } from "@/components/settings/form-dialog";
import { BRANCHES_INPUT } from "@/components/settings/list-inputs";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { AddNumberForm } from "./phone-number-form";

/** The page's "Rufnummer hinzufügen" button and its dialog. */
export function AddNumberDialog() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.branch.list.queryOptions(BRANCHES_INPUT));
  return (
    <FormDialog
      trigger={
        <Button>
          <Plus aria-hidden /> Rufnummer hinzufügen
        </Button>
      }
    >
      {(close) => <AddNumberForm branches={data.branches} onSaved={close} />}
    </FormDialog>
  );
}
