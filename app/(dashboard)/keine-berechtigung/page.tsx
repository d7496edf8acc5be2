import type { Metadata } from "next";
import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Keine Berechtigung" };

export default async function ForbiddenPage() {
  await requireSession();
  return (
    <Card className="mx-auto mt-10 flex max-w-lg flex-col items-center gap-3 px-6 py-10 text-center">
      <span className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive">
        <ShieldAlert className="size-6" aria-hidden />
      </span>
      <h1 className="text-xl font-semibold">Keine Berechtigung</h1>
      <p className="text-sm text-muted-foreground">
        Dieser Bereich ist der Administration vorbehalten. Wenn Sie Zugriff benötigen, wenden Sie sich an die Person, die Ihr Konto verwaltet.
      </p>
      <Button asChild variant="outline" className="mt-2">
        <Link href="/uebersicht">Zur Übersicht</Link>
      </Button>
    </Card>
  );
}
