"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CircleAlert, LoaderCircle } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const FALLBACK_ERROR = "Die Anmeldung ist gerade nicht möglich. Bitte versuchen Sie es später erneut.";

/** Answers of the sign-in request: our authorize() errors arrive as German text; next-auth's own codes (CredentialsSignin, ...) do not. */
function messageFor(error: string): string {
  if (/^[A-Z][A-Za-z]+$/.test(error)) return error === "CredentialsSignin" ? "E-Mail oder Passwort ist falsch." : FALLBACK_ERROR;
  return error;
}

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    startTransition(async () => {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      }).catch(() => undefined);
      if (!result?.ok || result.error) {
        setError(result?.error ? messageFor(result.error) : FALLBACK_ERROR);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" aria-describedby={error ? "login-error" : undefined}>
      {error && (
        <Alert variant="destructive" id="login-error" aria-live="assertive">
          <CircleAlert aria-hidden />
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-2">
        <Label htmlFor="email">E-Mail</Label>
        <Input
          id="email"
          name="email"
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
      </div>
      <div className="grid gap-2">
        <Label htmlFor="password">Passwort</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={error ? true : undefined}
          disabled={pending}
        />
      </div>
      <Button type="submit" className="mt-2 w-full" disabled={pending}>
        {pending && <LoaderCircle className="animate-spin" aria-hidden />}
        {pending ? "Anmeldung läuft …" : "Anmelden"}
      </Button>
    </form>
  );
}
