import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { AuthCard } from "@/components/auth/auth-card";
import { CircleCheck } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { CardDescription } from "@/components/ui/card";
import { safeCallbackPath } from "@/server/auth/callback-url";
import { loginErrorFromQuery } from "@/server/auth/login-messages";
import { getServerAuthSession } from "@/server/auth/session";
import { installNeedsSetup } from "@/server/doors/setup/first-company";

export const metadata: Metadata = { title: "Anmelden" };

interface LoginPageProps {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[]; passwort?: string | string[] }>;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if (await getServerAuthSession()) redirect(callbackUrl);
  // An install without a company has nobody to log in yet: its set-up comes first.
  if (await installNeedsSetup()) redirect("/einrichtung");

  return (
    <AuthCard
      header={
        <>
          <h1 className="text-xl font-semibold leading-none tracking-tight">Anmelden</h1>
          <CardDescription>Melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort an.</CardDescription>
        </>
      }
      footer={<p className="mt-6 text-center text-xs text-muted-foreground">Zugang vergessen? Ihre Administration kann das Passwort zurücksetzen.</p>}
    >
      {first(params.passwort) === "gesetzt" && (
        <Alert className="mb-4 border-success/40 bg-success/5 text-foreground [&>svg]:text-success" data-testid="password-set-notice">
          <CircleCheck aria-hidden />
          <AlertDescription>Ihr Passwort ist gespeichert. Bitte melden Sie sich jetzt damit an.</AlertDescription>
        </Alert>
      )}
      <LoginForm callbackUrl={callbackUrl} initialError={loginErrorFromQuery(first(params.error))} />
    </AuthCard>
  );
}
