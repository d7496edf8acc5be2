import "server-only";
/** tRPC for server components: a caller and the options proxy that prefetches into the request's QueryClient. */
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { getServerAuthSession } from "@/server/auth/session";
import { makeQueryClient } from "@/components/trpc/query-client";
import { appRouter, createCaller } from "./root";
import { createTRPCContext } from "./trpc";

const createContext = cache(async () =>
  createTRPCContext({ headers: new Headers(await headers()), session: await getServerAuthSession() }),
);

export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({ ctx: createContext, router: appRouter, queryClient: getQueryClient });

/** Direct calls from server components, e.g. `(await api()).dashboard.overview()`. */
export async function api() {
  return createCaller(await createContext());
}
