import { createTRPCRouter } from "../trpc";

export const appointmentsRouter = createTRPCRouter({});
