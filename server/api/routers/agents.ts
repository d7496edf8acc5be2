import { createTRPCRouter } from "../trpc";

export const agentsRouter = createTRPCRouter({});
