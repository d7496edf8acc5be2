/** The list the Wissen page shows (and prefetches): every entry, inactive ones too, so staff see what the agent does not use. */
export const KNOWLEDGE_LIST_INPUT = { include_inactive: true };
