"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { CircleAlert, LoaderCircle } from "lucide-react";
import { z } from "zod";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel } from "@/components/ui/form";
import { Input } from "@/components/ui/input";

const FALLBACK_ERROR = "Die Anmeldung ist gerade nicht möglich. Bitte versuchen Sie es später erneut.";

/** Answers of the sign-in request: our authorize() errors arrive as German text; next-auth's own codes (CredentialsSignin, ...) do not. */
function messageFor(error: string): string {
  if (/^[A-Z][A-Za-z]+$/.test(error)) return error === "CredentialsSignin" ? "E-Mail oder Passwort ist falsch." : FALLBACK_ERROR;
  return error;
}

/** The browser asks for both fields and an address (required, type="email"); whether they fit is the server's answer. */
export const credentials = z.object({ email: z.string(), password: z.string() });
type Credentials = z.infer<typeof credentials>;

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const form = useSchemaForm<Credentials, Credentials>(credentials, { email: "", password: "" });
  const { errors, isSubmitted } = form.formState;
  // The sign-in's answer is an error of the whole form (cleared by the next submit); the one from the URL stands until the first attempt.
  const error = errors.root?.message ?? (isSubmitted ? undefined : initialError);

  const submit = form.handleSubmit(({ email, password }) => {
    startTransition(async () => {
      const result = await signIn("credentials", { redirect: false, email, password }).catch(() => undefined);
      if (!result?.ok || result.error) {
        form.setError("root", { type: "server", message: result?.error ? messageFor(result.error) : FALLBACK_ERROR });
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    });
  });

  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-4" aria-describedby={error ? "login-error" : undefined}>
        {error && (
          <Alert variant="destructive" id="login-error" aria-live="assertive">
            <CircleAlert aria-hidden />
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        <FormField
          control={form.control}
          name="email"
          render={({ field }) => (
            <FormItem>
              <FormLabel>E-Mail</FormLabel>
              <FormControl>
                <Input
                  {...field}
                  type="email"
                  autoComplete="username"
                  inputMode="email"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  autoFocus
                  aria-invalid={error ? true : undefined}
                  disabled={pending}
                />
              </FormControl>
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="password"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Passwort</FormLabel>
              <FormControl>
                <Input {...field} type="password" autoComplete="current-password" required aria-invalid={error ? true : undefined} disabled={pending} />
              </FormControl>
            </FormItem>
          )}
        />
        <Button type="submit" className="mt-2 w-full" disabled={pending}>
          {pending && <LoaderCircle className="animate-spin" aria-hidden />}
          {pending ? "Anmeldung läuft …" : "Anmelden"}
        </Button>
      </form>
    </Form>
  );
}
