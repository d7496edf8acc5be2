import { createToken, listTokens, revokeToken, tokenServerOptions } from "@/server/services/tokens/dashboard";
import { createTokenInput, revokeTokenInput } from "@/server/services/tokens/schemas";
import { adminProcedure, createTRPCRouter } from "@/server/doors/trpc/trpc";

/** API-Tokens: admins only, straight to server/tokens (tokens are deliberately not an MCP method). */
export const tokensRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listTokens(ctx.service)),
  servers: adminProcedure.query(() => tokenServerOptions()),
  create: adminProcedure.input(createTokenInput).mutation(({ ctx, input }) => createToken(ctx.service, input)),
  revoke: adminProcedure.input(revokeTokenInput).mutation(({ ctx, input }) => revokeToken(ctx.service, input.id)),
});
