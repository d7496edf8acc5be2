import { createTRPCRouter } from "../trpc";

export const tokensRouter = createTRPCRouter({});
