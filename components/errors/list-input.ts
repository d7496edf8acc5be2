import type { RouterInputs } from "@/components/trpc/provider";

export type ErrorListInput = RouterInputs["sentry"]["listIssues"];

/** The first page as the page prefetches it and the list asks for it: open errors of the last 14 days. */
export const FIRST_PAGE_INPUT = { status: "unresolved", period: "14d", query: "", cursor: null } satisfies ErrorListInput;
