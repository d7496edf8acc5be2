"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { serverErrorsTo } from "@/components/forms/use-schema-form";
import { useTRPC } from "@/components/trpc/provider";
import { toast } from "@/components/ui/sonner";
import type { updateSettingsParams } from "@/server/services/company/schemas";

type SettingsPatch = z.output<(typeof updateSettingsParams)["shape"]["settings"]>;

/**
 * company.updateSettings for one card of the settings. The card's form checks the settings patch
 * flat, so the server's field errors (without the "settings." prefix) land under its fields; the
 * mutation wraps it again and the card's toast follows.
 */
export function useSaveSettings<TValues extends FieldValues>(form: UseFormReturn<TValues, unknown, SettingsPatch>, message: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.company.updateSettings.mutationOptions({
      onSuccess: async () => {
        toast.success(message);
        await queryClient.invalidateQueries({ queryKey: trpc.company.get.queryKey() });
      },
      onError: serverErrorsTo(form, "settings"),
    }),
  );
  return { submit: form.handleSubmit((settings) => save.mutate({ settings })), pending: save.isPending };
}
