"use client";

import { KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import type { z } from "zod";
import { FormAlert } from "@/components/forms/form-alert";
import { LabeledField } from "@/components/forms/labeled-field";
import { PendingButton } from "@/components/forms/pending-button";
import { setFieldIssues, useSchemaForm } from "@/components/forms/use-schema-form";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import type { SetPasswordAnswer } from "@/server/doors/password-link";
import { setPasswordForm } from "@/server/services/user/schemas";
import { PASSWORD_RULES_HINT } from "./password-hint";

type Fields = z.input<ReturnType<typeof setPasswordForm>>;

/**
 * The new password twice, checked by the password rules as the user types; the server checks
 * them again with the link. Afterwards on to the login.
 */
export function SetPasswordForm({
  token,
  email,
  action,
}: {
  token: string;
  email: string;
  action: (token: string, password: string) => Promise<SetPasswordAnswer>;
}) {
  const router = useRouter();
  const schema = useMemo(() => setPasswordForm(email), [email]);
  const form = useSchemaForm<Fields, z.output<typeof schema>>(schema, { password: "", repeat_password: "" });
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string>();

  const submit = form.handleSubmit(({ password }) => {
    setFailure(undefined);
    startTransition(async () => {
      const answer = await action(token, password).catch((): SetPasswordAnswer => ({
        ok: false,
        message: "Die Verbindung ist gerade gestört. Bitte versuchen Sie es erneut.",
        fields: {},
      }));
      if (answer.ok) {
        router.replace("/login?passwort=gesetzt");
        return;
      }
      const shown = setFieldIssues(form, answer.fields);
      if (shown === 0) setFailure(answer.message);
    });
  });

  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Passwort festlegen">
        <FormAlert message={failure} />
        {/* For password managers: whose password this is. */}
        <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
        <LabeledField control={form.control} name="password" label="Neues Passwort" hint={PASSWORD_RULES_HINT}>
          {(field) => <Input {...field} type="password" autoComplete="new-password" autoFocus disabled={pending} />}
        </LabeledField>
        <LabeledField control={form.control} name="repeat_password" label="Passwort wiederholen">
          {(field) => <Input {...field} type="password" autoComplete="new-password" disabled={pending} />}
        </LabeledField>
        <PendingButton type="submit" className="mt-2 w-full" pending={pending} icon={<KeyRound aria-hidden />}>
          Passwort speichern
        </PendingButton>
      </form>
    </Form>
  );
}
