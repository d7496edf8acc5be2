"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { z } from "zod";
import { LabeledField } from "@/components/forms/labeled-field";
import { OptionFormField } from "@/components/forms/option-select";
import { PendingButton } from "@/components/forms/pending-button";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { createParams } from "@/server/services/user/schemas";
import { IssuedLinkPanel, type IssuedLink } from "./issued-link";
import { ROLE_OPTIONS } from "./roles";

/** "Benutzer anlegen": name, e-mail and role; afterwards the one-time link, shown this once. */
export function CreateUserDialog() {
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<IssuedLink | null>(null);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) setIssued(null); // the link is gone for good once the dialog closes
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden /> Benutzer anlegen
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        {issued ? (
          <IssuedLinkPanel issued={issued} title={`Zugang für ${issued.user.name} angelegt`} onDone={() => onOpenChange(false)} />
        ) : (
          open && <CreateUserForm onCreated={setIssued} />
        )}
      </DialogContent>
    </Dialog>
  );
}

/** What the fields hold, named like the method's params so the server's errors land under them. */
const fields = z.object({ name: z.string(), email: z.string(), role: z.string() });
type UserFields = z.input<typeof fields>;
// The select offers only the two roles; the method's schema checks the value all the same.
export const schema = fields.transform((v): z.input<typeof createParams> => ({ ...v, role: v.role as z.input<typeof createParams>["role"] })).pipe(createParams);

function CreateUserForm({ onCreated }: { onCreated: (issued: IssuedLink) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useSchemaForm<UserFields, z.output<typeof schema>>(schema, { name: "", email: "", role: "staff" });

  const create = useMutation(
    trpc.user.create.mutationOptions({
      onSuccess: async (issued) => {
        toast.success(`Zugang für ${issued.user.name} wurde angelegt.`);
        onCreated(issued);
        await queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
      },
      onError: serverErrorsTo(form),
    }),
  );

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit((input) => create.mutate(input))} className="grid gap-4" noValidate aria-label="Benutzer anlegen">
        <DialogHeader>
          <DialogTitle>Benutzer anlegen</DialogTitle>
          <DialogDescription>
            Die Person bekommt kein Passwort von Ihnen, sondern einen einmaligen Link (72 Stunden gültig), über den sie ihr Passwort selbst festlegt.
          </DialogDescription>
        </DialogHeader>
        <LabeledField control={form.control} name="name" label="Name">
          {(field) => <Input {...field} maxLength={100} autoComplete="off" autoFocus />}
        </LabeledField>
        <LabeledField control={form.control} name="email" label="E-Mail" hint="Damit meldet sich die Person an.">
          {(field) => <Input {...field} type="email" inputMode="email" autoCapitalize="none" spellCheck={false} autoComplete="off" maxLength={200} />}
        </LabeledField>
        <OptionFormField control={form.control} name="role" label="Rolle" options={ROLE_OPTIONS} />
        <DialogFooter>
          <PendingButton type="submit" pending={create.isPending} icon={<UserPlus aria-hidden />}>
            Anlegen
          </PendingButton>
        </DialogFooter>
      </form>
    </Form>
  );
}
