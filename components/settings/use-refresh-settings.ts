"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

/** After a branch, service or staff change: the settings lists that show them are read again. */
export function useRefreshSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => Promise.all([trpc.branch, trpc.service, trpc.staff].map((server) => queryClient.invalidateQueries({ queryKey: server.pathKey() })));
}
