"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

/** The company's Retell webhook configuration (URL, masked key, events, last test); one cache entry for every card. */
export function useWebhookConfiguration() {
  const trpc = useTRPC();
  return useQuery(trpc.retell.config.getWebhookConfiguration.queryOptions({}));
}

export type WebhookConfiguration = NonNullable<ReturnType<typeof useWebhookConfiguration>["data"]>;
