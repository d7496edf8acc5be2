import { PhoneCall } from "lucide-react";
import { ListFrame } from "@/components/lists/list-frame";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { versionLabel } from "./retell-reads";

export interface PhoneNumberRow {
  phone_number: string;
  nickname: string | null;
  inbound_agents: Array<{ agent_id: string; agent_version?: number | string; weight: number }>;
  configured: boolean;
}

/** The workspace's numbers and which agent version answers each, or that there are none yet. */
export function PhoneNumberTable({ numbers, agentNames }: { numbers: PhoneNumberRow[]; agentNames: Map<string, string> }) {
  return (
    <ListFrame data={numbers} isEmpty={(list) => list.length === 0} empty={{ icon: PhoneCall, title: "In Ihrem Retell-Arbeitsbereich gibt es noch keine Rufnummern." }}>
      {(list) => <NumberTable numbers={list} agentNames={agentNames} />}
    </ListFrame>
  );
}

function NumberTable({ numbers, agentNames }: { numbers: PhoneNumberRow[]; agentNames: Map<string, string> }) {
  return (
    <Table aria-label="Rufnummern">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Rufnummer</TableHead>
          <TableHead>Bezeichnung</TableHead>
          <TableHead>Agent</TableHead>
          <TableHead>Version</TableHead>
          <TableHead>In AskProAI</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {numbers.map((n) => (
          <TableRow key={n.phone_number} data-testid={`number-${n.phone_number}`}>
            <TableCell className="tabular whitespace-nowrap font-medium">{n.phone_number}</TableCell>
            <TableCell>{n.nickname ?? <span className="text-muted-foreground">–</span>}</TableCell>
            {n.inbound_agents.length === 0 ? (
              <TableCell colSpan={2} className="text-muted-foreground">
                Kein Agent zugeordnet
              </TableCell>
            ) : (
              <>
                <TableCell>
                  {n.inbound_agents.map((a) => (
                    <div key={a.agent_id}>{agentNames.get(a.agent_id) ?? <span className="font-mono text-xs">{a.agent_id}</span>}</div>
                  ))}
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {n.inbound_agents.map((a) => (
                    <div key={a.agent_id}>
                      {versionLabel(a.agent_version)}
                      {n.inbound_agents.length > 1 && <span className="text-muted-foreground"> · Anteil {a.weight.toLocaleString("de-DE")}</span>}
                    </div>
                  ))}
                </TableCell>
              </>
            )}
            <TableCell>{n.configured ? <Badge variant="success">Ihre Nummer</Badge> : <Badge variant="secondary">Nicht eingerichtet</Badge>}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
