/** Input of the dashboard's token forms; shared by the tRPC procedures and the create dialog. */
import { z } from "zod";

export const createTokenInput = z.object({
  name: z.string().trim().min(1, "Bitte einen Namen angeben.").max(100, "Höchstens 100 Zeichen."),
  /** Grants: `<server>`, `<server>:read`, `config:<server>` (see server/core/token-scopes.ts). */
  allowed_servers: z.array(z.string().min(1)).min(1, "Bitte mindestens einen Dienst wählen.").max(100),
});
export type CreateTokenInput = z.input<typeof createTokenInput>;

export const revokeTokenInput = z.object({ id: z.string().min(1) });
