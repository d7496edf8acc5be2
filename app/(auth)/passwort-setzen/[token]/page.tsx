import type { Metadata } from "next";
import Link from "next/link";
import { CircleAlert } from "lucide-react";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CardDescription } from "@/components/ui/card";
import { SetPasswordForm } from "@/components/users/set-password-form";
import { LINK_REFUSALS, passwordLinkState } from "@/server/doors/password-link";
import { setPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Passwort festlegen" };
export const dynamic = "force-dynamic";

/** The page behind a one-time link: the new password twice, then on to the login. Open without a session. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await passwordLinkState(token);

  return (
    <AuthCard
      header={
        <>
          <h1 className="text-xl font-semibold leading-none tracking-tight">Passwort festlegen</h1>
          {link.state === "valid" && (
            <CardDescription>
              Hallo {link.name}, legen Sie hier das Passwort für Ihre Anmeldung mit <span className="font-medium text-foreground">{link.email}</span> fest.
            </CardDescription>
          )}
        </>
      }
    >
      {link.state === "valid" ? (
        <SetPasswordForm token={token} email={link.email} action={setPasswordAction} />
      ) : (
        <div className="grid gap-4">
          <Alert variant="destructive">
            <CircleAlert aria-hidden />
            <AlertDescription>{LINK_REFUSALS[link.state]}</AlertDescription>
          </Alert>
          <Button asChild variant="outline">
            <Link href="/login">Zur Anmeldung</Link>
          </Button>
        </div>
      )}
    </AuthCard>
  );
}
