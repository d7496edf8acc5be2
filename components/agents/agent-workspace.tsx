"use client";

import { useQuery } from "@tanstack/react-query";
import { Bot, PhoneCall } from "lucide-react";
import { PageSkeleton } from "@/components/dashboard/page-skeleton";
import { formatDateTime } from "@/components/forms/format";
import { ListFrame } from "@/components/lists/list-frame";
import { useTRPC } from "@/components/trpc/provider";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { AgentVersions } from "./agent-versions";
import { BindNumberForm } from "./bind-number-form";
import { PhoneNumberTable } from "./phone-number-table";
import { RetellProblem } from "./retell-problem";
import { retellReadOptions } from "./retell-reads";

/** The company's Retell workspace: agents with their versions, phone numbers and their binding. */
export function AgentWorkspace() {
  const trpc = useTRPC();
  const agents = useQuery({ ...trpc.retell.listAgents.queryOptions({}), ...retellReadOptions });
  const numbers = useQuery({ ...trpc.retell.listPhoneNumbers.queryOptions({}), ...retellReadOptions });

  if (agents.isError || numbers.isError) {
    const retry = () => Promise.all([agents.refetch(), numbers.refetch()]);
    return <RetellProblem error={agents.error ?? numbers.error} onRetry={retry} retrying={agents.isFetching || numbers.isFetching} />;
  }
  if (agents.isPending || numbers.isPending) return <PageSkeleton cards={0} rows={4} />;

  const agentNames = new Map(agents.data.agents.map((a) => [a.agent_id, a.agent_name ?? a.agent_id]));
  const ownNumbers = numbers.data.phone_numbers.filter((n) => n.configured).map((n) => n.phone_number);

  return (
    <div className="grid gap-6">
      <section aria-labelledby="agents-title" className="grid gap-4">
        <h2 id="agents-title" className="text-lg font-semibold tracking-tight">
          Agenten
        </h2>
        <ListFrame data={agents.data.agents} isEmpty={(list) => list.length === 0} empty={{ icon: Bot, title: "In Ihrem Retell-Arbeitsbereich gibt es noch keine Agenten." }}>
          {(list) => (
            <div className="grid gap-6 2xl:grid-cols-2">
              {list.map((agent) => (
                <Card key={agent.agent_id} className="min-w-0" data-testid={`agent-${agent.agent_id}`}>
                  <CardHeader>
                    <CardTitle className="flex items-center gap-2">
                      <Bot className="size-4 text-muted-foreground" aria-hidden /> {agentNames.get(agent.agent_id)}
                    </CardTitle>
                    <CardDescription>
                      <span className="font-mono text-xs">{agent.agent_id}</span>
                      {agent.last_modified && <> · zuletzt geändert {formatDateTime(agent.last_modified)}</>}
                    </CardDescription>
                  </CardHeader>
                  <CardContent className="px-2 sm:px-5">
                    <AgentVersions agentId={agent.agent_id} agentName={agentNames.get(agent.agent_id)!} />
                  </CardContent>
                </Card>
              ))}
            </div>
          )}
        </ListFrame>
      </section>
      <Card className="min-w-0">
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <PhoneCall className="size-4 text-muted-foreground" aria-hidden /> Rufnummern
          </CardTitle>
          <CardDescription>Welcher Agent in welcher Version Anrufe auf einer Nummer annimmt.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6 px-2 sm:px-5">
          <PhoneNumberTable numbers={numbers.data.phone_numbers} agentNames={agentNames} />
          <Separator />
          <div className="grid gap-3 px-3 sm:px-0">
            <h3 className="font-medium">Rufnummer einem Agenten zuordnen</h3>
            {ownNumbers.length === 0 ? (
              <p className="text-sm text-muted-foreground">Keine der Rufnummern ist für Ihren Betrieb eingerichtet.</p>
            ) : (
              <BindNumberForm numbers={ownNumbers} agents={agents.data.agents.map((a) => ({ id: a.agent_id, name: agentNames.get(a.agent_id)! }))} />
            )}
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
