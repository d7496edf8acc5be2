"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";

/** After a number changed: this page's lists and the Agenten page's numbers are read again. */
export function useRefreshNumbers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.phone.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.retell.listPhoneNumbers.queryKey() }),
    ]);
}
