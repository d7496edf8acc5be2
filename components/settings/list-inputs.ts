/** Inputs of the settings lists: the page prefetches exactly what the tabs read (inactive entries included, to reactivate them). */
export const BRANCHES_INPUT = { include_inactive: true } as const;
export const SERVICES_INPUT = { include_inactive: true } as const;
export const STAFF_INPUT = { include_inactive: true } as const;
