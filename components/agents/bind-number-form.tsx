"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { FormAlert } from "@/components/forms/form-alert";
import { PendingButton } from "@/components/forms/pending-button";
import { errorMessage, fieldErrors } from "@/components/forms/trpc-errors";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/sonner";
import { setPhoneNumberAgentVersionParams } from "@/server/services/retell/schemas";
import { retellReadOptions, versionLabel } from "./retell-reads";

const LATEST_PUBLISHED = "latest_published";

/** What the selects hold ("" = nothing chosen yet), named like the method's params. */
const fields = z.object({ phone_number: z.string(), agent_id: z.string(), version: z.string() });
type BindFields = z.input<typeof fields>;
type BindParams = z.input<typeof setPhoneNumberAgentVersionParams>;
const FIELD_NAMES = Object.keys(fields.shape) as Array<keyof BindFields>;

/** A version number is chosen as text ("2" → 2); the named versions stay as they are and the method's schema judges them. */
export const bindSchema = fields
  .transform((v): BindParams => ({ ...v, version: /^\d+$/.test(v.version) ? Number(v.version) : (v.version as BindParams["version"]) }))
  .pipe(setPhoneNumberAgentVersionParams);

/** Binds one of the company's numbers to an agent version (retell.setPhoneNumberAgentVersion). */
export function BindNumberForm({ numbers, agents }: { numbers: string[]; agents: Array<{ id: string; name: string }> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const form = useSchemaForm<BindFields, z.output<typeof bindSchema>>(bindSchema, {
    phone_number: numbers.length === 1 ? numbers[0] : "",
    agent_id: "",
    version: LATEST_PUBLISHED,
  });
  const agentId = useWatch({ control: form.control, name: "agent_id" });
  const versions = useQuery({ ...trpc.retell.getAgentVersions.queryOptions({ agent_id: agentId }), ...retellReadOptions, enabled: Boolean(agentId) });

  const bind = useMutation(
    trpc.retell.setPhoneNumberAgentVersion.mutationOptions({
      onSuccess: async (result) => {
        const name = agents.find((a) => a.id === result.agent_id)?.name ?? result.agent_id;
        toast.success(`${result.phone_number} nimmt Anrufe jetzt mit „${name}“ an (${versionLabel(result.version)}).`);
        await queryClient.invalidateQueries({ queryKey: trpc.retell.listPhoneNumbers.queryKey() });
        router.refresh(); // the figures on top are read on the server
      },
      // Field errors under their selects; anything else (Retell refused, not the company's number) above the form.
      onError: (err) => {
        const messages = fieldErrors(err);
        const shown = FIELD_NAMES.filter((name) => messages[name]);
        for (const name of shown) form.setError(name, { type: "server", message: messages[name] });
        if (shown.length === 0) form.setError("root", { type: "server", message: errorMessage(err) });
      },
    }),
  );

  const submit = form.handleSubmit((params) => bind.mutate(params));

  const versionOptions = [
    { value: LATEST_PUBLISHED, label: versionLabel(LATEST_PUBLISHED) },
    ...[...(versions.data?.versions ?? [])].reverse().map((v) => ({ value: String(v.version), label: `${versionLabel(v.version)}${v.is_published ? " (veröffentlicht)" : ""}` })),
  ];

  const selectField = (
    name: keyof BindFields,
    label: string,
    options: Array<{ value: string; label: string }>,
    more: { placeholder?: string; disabled?: boolean; hint?: string; onPick?: () => void } = {},
  ) => (
    <FormField
      control={form.control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <Select
            value={field.value}
            onValueChange={(value) => {
              field.onChange(value);
              more.onPick?.();
            }}
            disabled={more.disabled}
          >
            <FormControl>
              <SelectTrigger>
                <SelectValue placeholder={more.placeholder} />
              </SelectTrigger>
            </FormControl>
            <SelectContent>
              {options.map((o) => (
                <SelectItem key={o.value} value={o.value}>
                  {o.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          {more.hint && <FormDescription>{more.hint}</FormDescription>}
          <FormMessage />
        </FormItem>
      )}
    />
  );

  return (
    <Form {...form}>
      <form onSubmit={submit} noValidate className="grid gap-4" aria-label="Rufnummer zuordnen">
        <FormAlert message={form.formState.errors.root?.message} />
        <div className="grid items-start gap-4 md:grid-cols-3">
          {selectField(
            "phone_number",
            "Rufnummer",
            numbers.map((n) => ({ value: n, label: n })),
            { placeholder: "Rufnummer wählen" },
          )}
          {/* Another agent starts again from its latest published version. */}
          {selectField(
            "agent_id",
            "Agent",
            agents.map((a) => ({ value: a.id, label: a.name })),
            { placeholder: "Agent wählen", onPick: () => form.resetField("version") },
          )}
          {selectField("version", "Version", versionOptions, {
            disabled: !agentId || versions.isPending,
            hint: versions.isError ? errorMessage(versions.error) : undefined,
          })}
        </div>
        <div>
          <PendingButton type="submit" pending={bind.isPending} icon={<Link2 aria-hidden />}>
            Zuordnen
          </PendingButton>
        </div>
      </form>
    </Form>
  );
}
