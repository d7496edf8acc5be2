import { handleTrpcRequest } from "@/server/doors/trpc/http-handler";
import { appRouter } from "@/server/doors/trpc/root";
import { createTRPCContext } from "@/server/doors/trpc/trpc";
import { getServerAuthSession } from "@/server/auth/session";
import { env } from "@/server/platform/env";
import { logger } from "@/server/platform/logger";

function handler(req: Request) {
  return handleTrpcRequest(req, {
    router: appRouter,
    siteOrigins: [env().APP_URL],
    createContext: async () => createTRPCContext({ headers: req.headers, session: await getServerAuthSession() }),
    onError({ path, error, ctx }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logger.error({ err: error.cause ?? error, path, correlationId: ctx?.correlationId }, "tRPC procedure failed");
      }
    },
  });
}

export { handler as GET, handler as POST };
