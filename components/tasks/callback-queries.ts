/** The inputs of the Rückrufe page's two lists (the page prefetches the first). */
export const PENDING_INPUT = { status: ["open", "not_reached"] as Array<"open" | "not_reached">, limit: 100, offset: 0 };
export const DONE_PAGE_SIZE = 20;
export const doneInput = (page: number) => ({ status: "done" as const, limit: DONE_PAGE_SIZE, offset: (page - 1) * DONE_PAGE_SIZE });

export const TASK_STATUS_LABELS = { open: "Offen", not_reached: "Nicht erreicht", done: "Erledigt" } as const;
