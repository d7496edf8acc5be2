/**
 * The editor's fields and their conversion to the params of create/updateCustomFunction.
 * Validation stays with the methods' zod schemas; here only what the form itself knows:
 * JSON text to parse, and header values the server never sends back.
 */
import { z } from "zod";
import { issuesAtFields } from "@/components/forms/issues-at-fields";
import { createCustomFunctionParams, updateCustomFunctionParams } from "@/server/services/retell-config/schemas";
import type { CustomFunction, HTTP_METHODS } from "./function-labels";

const headerRow = z.object({
  name: z.string(),
  value: z.string(),
  /** Masked value of a stored header: shown as a hint, never sent back. */
  stored: z.string().optional(),
});
export type HeaderRow = z.input<typeof headerRow>;

/** What the fields hold, named like the methods' params so their issues land under them. */
const functionFields = z.object({
  name: z.string(),
  type: z.enum(["external_api", "data_collection"]),
  description: z.string(),
  url: z.string(),
  method: z.string(),
  headers: z.array(headerRow),
  parameter_schema: z.string(),
  timeout_ms: z.string(),
  enabled: z.boolean(),
});
export type FunctionFields = z.input<typeof functionFields>;
export type FunctionParams = z.output<typeof createCustomFunctionParams> | z.output<typeof updateCustomFunctionParams>;

const NEW_SCHEMA = { type: "object", properties: {}, required: [] };

const storedRows = (fn?: CustomFunction): HeaderRow[] => Object.entries(fn?.headers ?? {}).map(([name, masked]) => ({ name, value: "", stored: masked }));

export function initialValues(fn?: CustomFunction): FunctionFields {
  return {
    name: fn?.name ?? "",
    type: fn?.type === "data_collection" ? "data_collection" : "external_api",
    description: fn?.description ?? "",
    url: fn?.url ?? "",
    method: fn?.method ?? "POST",
    headers: storedRows(fn),
    parameter_schema: JSON.stringify(fn?.parameters ?? NEW_SCHEMA, null, 2),
    timeout_ms: String(fn?.timeout_ms ?? 5000),
    enabled: fn?.enabled ?? true,
  };
}

/** Stored headers are sent again only once the rows differ from the stored ones. */
function rowsChanged(rows: HeaderRow[], initial: HeaderRow[]): boolean {
  return rows.length !== initial.length || rows.some((r, i) => r.name !== initial[i]!.name || r.value !== initial[i]!.value || r.stored !== initial[i]!.stored);
}

/** The form's own checks: the schema text must be JSON; a stored header whose hidden value was not entered again would be overwritten with nothing. */
function ownChecks(v: FunctionFields, initialRows: HeaderRow[]) {
  const issues: Array<{ field: keyof FunctionFields; message: string }> = [];
  let schema: unknown;
  try {
    schema = JSON.parse(v.parameter_schema);
  } catch (err) {
    issues.push({ field: "parameter_schema", message: `Kein gültiges JSON: ${err instanceof Error ? err.message : String(err)}` });
  }
  const headersChanged = rowsChanged(v.headers, initialRows);
  const missing = headersChanged ? v.headers.find((r) => r.stored !== undefined && r.name.trim() && r.value === "") : undefined;
  if (missing) issues.push({ field: "headers", message: `Der gespeicherte Wert von „${missing.name}“ wird nicht angezeigt: bitte erneut eingeben oder die Zeile entfernen.` });
  return { schema, headersChanged, issues };
}

/** Header rows as the method's record; fully empty rows are left out. */
function headerRecord(rows: HeaderRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.name.trim() || r.value).map((r) => [r.name.trim(), r.value]));
}

const external = (v: FunctionFields) => v.type === "external_api";
const timeout = (v: FunctionFields) => (v.timeout_ms.trim() === "" ? undefined : Number(v.timeout_ms));
/** The Select offers only these; the method's schema checks it either way. */
const httpMethod = (v: FunctionFields) => v.method as (typeof HTTP_METHODS)[number];

const createSchema = functionFields
  .transform((v, ctx): z.input<typeof createCustomFunctionParams> => {
    const own = ownChecks(v, []);
    for (const issue of own.issues) ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
    if (own.issues.length > 0) return z.NEVER;
    return {
      name: v.name.trim(),
      type: v.type,
      description: v.description.trim() || undefined,
      url: external(v) ? v.url.trim() : undefined,
      method: httpMethod(v),
      headers: external(v) ? headerRecord(v.headers) : {},
      parameter_schema: own.schema,
      timeout_ms: timeout(v),
      enabled: v.enabled,
    };
  })
  .pipe(createCustomFunctionParams);

const updateSchema = (fn: CustomFunction) =>
  functionFields
    .transform((v, ctx): z.input<typeof updateCustomFunctionParams> => {
      const own = ownChecks(v, storedRows(fn));
      for (const issue of own.issues) ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
      if (own.issues.length > 0) return z.NEVER;
      return {
        function_id: fn.id,
        updates: {
          description: v.description.trim() || null,
          ...(external(v) ? { url: v.url.trim(), method: httpMethod(v) } : {}),
          ...(external(v) && own.headersChanged ? { headers: headerRecord(v.headers) } : {}),
          parameter_schema: own.schema,
          timeout_ms: timeout(v),
          enabled: v.enabled,
        },
      };
    })
    .pipe(updateCustomFunctionParams);

/** Issue path of either method ("url", "updates.url", "headers.X-Key", "parameter_schema.properties") → the form's field. */
export function formFieldOf(path: readonly PropertyKey[]): string {
  return String((path[0] === "updates" ? path[1] : path[0]) ?? "");
}

/** The editor's schema: create (no `fn`) or update, checked by the method's own schema, every issue under its field. */
export function functionSchema(fn?: CustomFunction): z.ZodType<FunctionParams, FunctionFields> {
  return issuesAtFields<FunctionParams, FunctionFields>(fn ? updateSchema(fn) : createSchema, formFieldOf);
}

/** Server issue paths ("updates.url", "headers.X-Key") → the form's field, first message per field. */
export function byFormField(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) out[formFieldOf(path.split("."))] ??= message;
  return out;
}
