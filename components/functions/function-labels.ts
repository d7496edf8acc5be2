import type { z } from "zod";
import type { customFunctionSchema } from "@/server/services/retell-config/schemas";

export type CustomFunction = z.output<typeof customFunctionSchema>;

export const TYPE_LABELS: Record<CustomFunction["type"], string> = {
  builtin: "Eingebaut",
  external_api: "Externer Aufruf",
  data_collection: "Datenerfassung",
};

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
