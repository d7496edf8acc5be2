/** Most procedures one dashboard request may batch; the client link batches no more than this. */
export const TRPC_MAX_BATCH_SIZE = 20;
