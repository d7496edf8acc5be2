"use client";

import { RotateCcw, TriangleAlert } from "lucide-react";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // The server recorded its side already (onRequestError); the browser reports only to a configured Sentry.
  useEffect(() => {
    if (process.env.NEXT_PUBLIC_SENTRY_DSN) void import("@sentry/nextjs").then((Sentry) => Sentry.captureException(error));
  }, [error]);
  return (
    <Card role="alert" className="mx-auto mt-10 flex max-w-lg flex-col items-center gap-3 px-6 py-10 text-center">
      <TriangleAlert className="size-8 text-warning" aria-hidden />
      <h1 className="text-lg font-semibold">Die Seite konnte nicht geladen werden.</h1>
      <p className="text-sm text-muted-foreground">Bitte versuchen Sie es erneut. Besteht das Problem weiter, wenden Sie sich an Ihre Administration.</p>
      <Button variant="outline" onClick={reset}>
        <RotateCcw aria-hidden />
        Erneut versuchen
      </Button>
    </Card>
  );
}
