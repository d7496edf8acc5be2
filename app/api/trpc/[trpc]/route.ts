import { handleTrpcRequest } from "@/server/api/http-handler";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { getServerAuthSession } from "@/server/auth/session";
import { env } from "@/server/env";
import { logger } from "@/server/logger";

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
