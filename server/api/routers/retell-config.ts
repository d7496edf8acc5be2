import { createTRPCRouter } from "../trpc";

export const retellConfigRouter = createTRPCRouter({});
