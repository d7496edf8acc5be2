import type { RouterInputs } from "@/components/trpc/provider";

export type WebhookListInput = RouterInputs["webhook"]["listEvents"];

export const PAGE_SIZE = 25;

/** The first page as the page prefetches it and the list asks for it: every event, newest first. */
export const FIRST_PAGE_INPUT = { limit: PAGE_SIZE, cursor: null } satisfies WebhookListInput;
