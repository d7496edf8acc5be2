"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link2, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { OptionSelect } from "@/components/forms/option-select";
import { validateWith } from "@/components/forms/schema-errors";
import { errorMessage, fieldErrors } from "@/components/forms/trpc-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/sonner";
import { setPhoneNumberAgentVersionParams } from "@/server/services/retell/schemas";
import { retellReadOptions, versionLabel } from "./retell-reads";

const LATEST_PUBLISHED = "latest_published";

/** Binds one of the company's numbers to an agent version (retell.setPhoneNumberAgentVersion). */
export function BindNumberForm({ numbers, agents }: { numbers: string[]; agents: Array<{ id: string; name: string }> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [phone, setPhone] = useState<string | undefined>(numbers.length === 1 ? numbers[0] : undefined);
  const [agentId, setAgentId] = useState<string | undefined>();
  const [version, setVersion] = useState<string>(LATEST_PUBLISHED);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const versions = useQuery({ ...trpc.retell.getAgentVersions.queryOptions({ agent_id: agentId ?? "" }), ...retellReadOptions, enabled: Boolean(agentId) });

  const bind = useMutation(
    trpc.retell.setPhoneNumberAgentVersion.mutationOptions({
      onSuccess: async (result) => {
        const name = agents.find((a) => a.id === result.agent_id)?.name ?? result.agent_id;
        toast.success(`${result.phone_number} nimmt Anrufe jetzt mit „${name}“ an (${versionLabel(result.version)}).`);
        await queryClient.invalidateQueries({ queryKey: trpc.retell.listPhoneNumbers.queryKey() });
        router.refresh(); // the figures on top are read on the server
      },
      onError: (err) => {
        const fields = fieldErrors(err);
        setErrors(Object.keys(fields).length > 0 ? fields : { _: errorMessage(err) });
      },
    }),
  );

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const checked = validateWith(setPhoneNumberAgentVersionParams, {
      phone_number: phone ?? "",
      agent_id: agentId ?? "",
      version: /^\d+$/.test(version) ? Number(version) : version,
    });
    if ("errors" in checked) return setErrors(checked.errors);
    setErrors({});
    bind.mutate(checked.data);
  }

  const versionOptions = [
    { value: LATEST_PUBLISHED, label: versionLabel(LATEST_PUBLISHED) },
    ...[...(versions.data?.versions ?? [])].reverse().map((v) => ({ value: String(v.version), label: `${versionLabel(v.version)}${v.is_published ? " (veröffentlicht)" : ""}` })),
  ];

  return (
    <form onSubmit={submit} noValidate className="grid gap-4" aria-label="Rufnummer zuordnen">
      <FormAlert message={errors._} />
      <div className="grid gap-4 md:grid-cols-3">
        <OptionSelect
          id="bind-number"
          label="Rufnummer"
          value={phone}
          onChange={setPhone}
          options={numbers.map((n) => ({ value: n, label: n }))}
          placeholder="Rufnummer wählen"
          error={errors.phone_number}
        />
        <OptionSelect
          id="bind-agent"
          label="Agent"
          value={agentId}
          onChange={(id) => {
            setAgentId(id);
            setVersion(LATEST_PUBLISHED);
          }}
          options={agents.map((a) => ({ value: a.id, label: a.name }))}
          placeholder="Agent wählen"
          error={errors.agent_id}
        />
        <OptionSelect
          id="bind-version"
          label="Version"
          value={version}
          onChange={(v) => setVersion(v ?? LATEST_PUBLISHED)}
          options={versionOptions}
          disabled={!agentId || versions.isPending}
          hint={versions.isError ? errorMessage(versions.error) : undefined}
          error={errors.version}
        />
      </div>
      <div>
        <Button type="submit" disabled={bind.isPending}>
          {bind.isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : <Link2 aria-hidden />}
          Zuordnen
        </Button>
      </div>
    </form>
  );
}
