"use client";

import { CloudOff, PlugZap } from "lucide-react";
import Link from "next/link";
import { appErrorCode } from "@/components/forms/trpc-errors";
import { errorMessage } from "@/components/forms/trpc-errors";
import { RetryButton } from "@/components/lists/retry-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { NOT_CONNECTED } from "./retell-reads";

/**
 * Why the Retell workspace cannot be shown: no (valid) API key — with the way to set one — or
 * Retell not reachable, with the service's German message and a retry. Never a stack trace.
 */
export function RetellProblem({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) {
  if (appErrorCode(error) === NOT_CONNECTED) {
    return (
      <Card className="border-warning/40" role="alert" data-testid="retell-not-connected">
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <PlugZap className="size-4 text-warning" aria-hidden /> Retell ist nicht verbunden
          </CardTitle>
          <CardDescription>{errorMessage(error)}</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild>
            <Link href="/retell#api-key">Retell-API-Schlüssel hinterlegen</Link>
          </Button>
        </CardContent>
      </Card>
    );
  }
  return (
    <Card className="border-destructive/30" role="alert" data-testid="retell-unreachable">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <CloudOff className="size-4 text-destructive" aria-hidden /> Retell ist gerade nicht erreichbar
        </CardTitle>
        <CardDescription>{errorMessage(error)}</CardDescription>
      </CardHeader>
      <CardContent>
        <RetryButton onRetry={onRetry} retrying={retrying} />
      </CardContent>
    </Card>
  );
}
