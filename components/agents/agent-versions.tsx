"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Rocket } from "lucide-react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { formatDateTime } from "@/components/forms/format";
import { toastError } from "@/components/forms/trpc-errors";
import { ListFrame } from "@/components/lists/list-frame";
import { ListTableHeader } from "@/components/lists/list-table-header";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/sonner";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";
import { retellReadOptions, versionLabel } from "./retell-reads";

/** The versions of one agent, the published one marked, with "Veröffentlichen" for the others. */
export function AgentVersions({ agentId, agentName }: { agentId: string; agentName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery({ ...trpc.retell.getAgentVersions.queryOptions({ agent_id: agentId }), ...retellReadOptions });
  const publish = useMutation(
    trpc.retell.publishAgentVersion.mutationOptions({
      onSuccess: async ({ version }) => {
        toast.success(`${versionLabel(version)} von „${agentName}“ ist veröffentlicht.`);
        await queryClient.invalidateQueries({ queryKey: trpc.retell.pathKey() });
      },
      onError: toastError,
    }),
  );

  return (
    <ListFrame query={versions} loadingLabel="Versionen werden geladen" loadingRows={2}>
      {(data) => (
        <Table aria-label={`Versionen von ${agentName}`}>
          <ListTableHeader columns={["Version", "Zuletzt geändert", "Status"]} />
          <TableBody>
            {[...data.versions].reverse().map((v) => (
              <TableRow key={v.version} data-testid={`version-${agentId}-${v.version}`}>
                <TableCell className="whitespace-nowrap font-medium">{versionLabel(v.version)}</TableCell>
                <TableCell className="tabular whitespace-nowrap">{v.last_modified ? formatDateTime(v.last_modified) : "–"}</TableCell>
                <TableCell className="whitespace-nowrap">
                  {/* Retell keeps every published version published; calls following "latest published" get the newest. */}
                  {!v.is_published ? (
                    <Badge variant="secondary">Entwurf</Badge>
                  ) : v.version === data.published_version ? (
                    <Badge variant="success">veröffentlicht · neueste</Badge>
                  ) : (
                    <Badge variant="outline">veröffentlicht</Badge>
                  )}
                </TableCell>
                <TableCell className="text-right">
                  {!v.is_published && (
                    <ConfirmDialog
                      trigger={
                        <Button variant="outline" size="sm" aria-label={`${versionLabel(v.version)} von „${agentName}“ veröffentlichen`}>
                          <Rocket aria-hidden /> Veröffentlichen
                        </Button>
                      }
                      title={`${versionLabel(v.version)} veröffentlichen?`}
                      description={`Rufnummern, die der neuesten veröffentlichten Version von „${agentName}“ folgen, nehmen Anrufe danach mit dieser Version an.`}
                      confirmLabel="Veröffentlichen"
                      dismissLabel="Zurück"
                      onConfirm={() => publish.mutateAsync({ agent_id: agentId, version: v.version })}
                    />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </ListFrame>
  );
}
