"use client";

import { useMutation } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { z } from "zod";
import { LabeledField } from "@/components/forms/labeled-field";
import { PendingButton } from "@/components/forms/pending-button";
import { serverErrorsTo, useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { changeOwnPasswordForm } from "@/server/services/user/schemas";
import { PASSWORD_RULES_HINT } from "./password-hint";

type PasswordFields = z.input<ReturnType<typeof changeOwnPasswordForm>>;
const EMPTY: PasswordFields = { current_password: "", new_password: "", repeat_password: "" };

/**
 * "Mein Konto": the current password, the new one twice. The change ends every session of the
 * account, this one too; the form logs in again with the new password right away, so only the
 * other devices are logged out.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const schema = useMemo(() => changeOwnPasswordForm(email), [email]);
  const form = useSchemaForm<PasswordFields, z.output<typeof schema>>(schema, EMPTY);
  const [renewing, setRenewing] = useState(false);

  const change = useMutation(
    trpc.user.changeOwnPassword.mutationOptions({
      onSuccess: async (_, { new_password }) => {
        setRenewing(true);
        const renewed = await signIn("credentials", { redirect: false, email, password: new_password }).catch(() => undefined);
        setRenewing(false);
        form.reset(EMPTY);
        if (!renewed?.ok || renewed.error) {
          toast.success("Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.");
          router.replace("/login?callbackUrl=%2Fkonto");
          return;
        }
        toast.success("Ihr Passwort wurde geändert. Andere Geräte wurden abgemeldet.");
        router.refresh();
      },
      onError: serverErrorsTo(form),
    }),
  );

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit((input) => change.mutate(input))} className="grid max-w-md gap-4" noValidate aria-label="Passwort ändern">
        {/* For password managers: whose password this is. */}
        <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
        <LabeledField control={form.control} name="current_password" label="Aktuelles Passwort">
          {(field) => <Input {...field} type="password" autoComplete="current-password" />}
        </LabeledField>
        <LabeledField control={form.control} name="new_password" label="Neues Passwort" hint={PASSWORD_RULES_HINT}>
          {(field) => <Input {...field} type="password" autoComplete="new-password" />}
        </LabeledField>
        <LabeledField control={form.control} name="repeat_password" label="Neues Passwort wiederholen">
          {(field) => <Input {...field} type="password" autoComplete="new-password" />}
        </LabeledField>
        <div>
          <PendingButton type="submit" pending={change.isPending || renewing} icon={<KeyRound aria-hidden />}>
            Passwort ändern
          </PendingButton>
        </div>
      </form>
    </Form>
  );
}
