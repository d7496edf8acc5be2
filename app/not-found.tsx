import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-medium text-muted-foreground">Fehler 404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Seite nicht gefunden</h1>
      <p className="max-w-md text-muted-foreground">Die aufgerufene Adresse gibt es nicht oder nicht mehr.</p>
      <Button asChild>
        <Link href="/uebersicht">Zur Übersicht</Link>
      </Button>
    </main>
  );
}
