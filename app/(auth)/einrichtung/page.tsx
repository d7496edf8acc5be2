import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Brand } from "@/components/brand";
import { SetupWizardForm } from "@/components/setup/setup-wizard-form";
import { TRPCReactProvider } from "@/components/trpc/provider";
import { installNeedsSetup } from "@/server/doors/setup/first-company";

export const metadata: Metadata = { title: "Betrieb einrichten" };
export const dynamic = "force-dynamic";

/** The set-up wizard of an install without companies; once one exists, this is the login. */
export default async function SetupPage() {
  if (!(await installNeedsSetup())) redirect("/login");
  return (
    <TRPCReactProvider>
      <main className="min-h-dvh bg-gradient-to-b from-accent/60 to-background px-4 py-10">
        <div className="mx-auto w-full max-w-3xl">
          <Brand className="mb-6 text-lg" />
          <h1 className="text-2xl font-semibold tracking-tight">Willkommen! Richten Sie Ihren Betrieb ein.</h1>
          <p className="mt-2 mb-6 text-muted-foreground">
            In wenigen Schritten nimmt Ihr Telefonassistent Anrufe an: Betrieb und erste Filiale, Ihr Zugang, danach Leistungen,
            Mitarbeitende, Retell und Ihre Rufnummer.
          </p>
          <SetupWizardForm />
        </div>
      </main>
    </TRPCReactProvider>
  );
}
