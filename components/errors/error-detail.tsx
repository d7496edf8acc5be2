"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { ArrowLeft, Bug, ListTree } from "lucide-react";
import Link from "next/link";
import { DetailCard } from "@/components/details/detail-card";
import { Facts } from "@/components/details/facts";
import { formatDateTime } from "@/components/forms/format";
import { toastError } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/sonner";
import { SOURCE_LABELS } from "@/server/services/sentry/schemas";
import { ErrorStatusBadge, SourceNote } from "./error-badges";

/** One error: its facts, the latest occurrence (message, where, call stack) and, in the app's own store, Erledigt / Wieder öffnen. */
export function ErrorDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.sentry.getIssue.queryOptions({ id }));
  const { issue, latest_event: event } = data;
  const resolve = useMutation(
    trpc.sentry.resolveIssue.mutationOptions({
      onSuccess: async (result) => {
        toast.success(result.status === "resolved" ? "Als erledigt markiert." : "Wieder geöffnet.");
        await queryClient.invalidateQueries({ queryKey: trpc.sentry.pathKey() });
      },
      onError: toastError,
    }),
  );
  const when = (iso: string | null) => (iso ? formatDateTime(iso) : null);

  return (
    <div className="grid gap-6">
      <div>
        <Button asChild variant="ghost" size="sm">
          <Link href="/fehler">
            <ArrowLeft aria-hidden />
            Alle Fehler
          </Link>
        </Button>
      </div>
      <SourceNote source={data.source} notice={data.notice} />
      <DetailCard icon={Bug} title={issue.title}>
        <div className="grid gap-4">
          <Facts
            label="Angaben zum Fehler"
            facts={[
              ["Status", <ErrorStatusBadge key="s" status={issue.status} />],
              ["Anzahl", issue.count.toLocaleString("de-DE")],
              ["Zuerst gesehen", when(issue.first_seen)],
              ["Zuletzt gesehen", when(issue.last_seen)],
              ["Ort", event?.where ?? issue.culprit],
              ["Korrelations-ID", event?.correlation_id && <span className="font-mono text-xs">{event.correlation_id}</span>],
              ["Kennung", issue.short_id],
              ["Bereich", issue.system ? "ohne Firma (System)" : null],
              ["Quelle", SOURCE_LABELS[data.source]],
              [
                "In Sentry",
                issue.permalink && (
                  <a href={issue.permalink} target="_blank" rel="noreferrer" className="underline underline-offset-4">
                    In Sentry öffnen
                  </a>
                ),
              ],
            ]}
          />
          {data.source === "app" && (
            <div>
              <Button
                variant="outline"
                disabled={resolve.isPending}
                onClick={() => resolve.mutate({ id: issue.id, status: issue.status === "resolved" ? "unresolved" : "resolved" })}
              >
                {issue.status === "resolved" ? "Wieder öffnen" : "Als erledigt markieren"}
              </Button>
            </div>
          )}
        </div>
      </DetailCard>
      <DetailCard icon={ListTree} title="Letztes Auftreten">
        {event ? (
          <div className="grid gap-4">
            <Facts
              label="Letztes Auftreten"
              facts={[
                ["Zeitpunkt", when(event.at)],
                ["Art", event.type && <span className="font-mono text-xs">{event.type}</span>],
                ["Meldung", event.message],
                ...event.tags.map(({ key, value }): [string, string] => [key, value]),
              ]}
            />
            {event.stack.length > 0 && (
              <pre aria-label="Aufrufstapel" className="max-h-96 overflow-auto rounded-md bg-muted p-3 font-mono text-xs leading-relaxed">
                {event.stack.join("\n")}
              </pre>
            )}
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">Zu diesem Fehler liegt kein einzelnes Auftreten vor.</p>
        )}
      </DetailCard>
    </div>
  );
}
