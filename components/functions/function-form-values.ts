/**
 * The editor's form state and its conversion to the params of create/updateCustomFunction.
 * Validation stays with the methods' zod schemas; here only what the form itself knows:
 * JSON text to parse, and header values the server never sends back.
 */
import type { CustomFunction } from "./function-labels";

export interface HeaderRow {
  id: number;
  name: string;
  value: string;
  /** Masked value of a stored header: shown as a hint, never sent back. */
  stored?: string;
}

export interface FunctionFormValues {
  name: string;
  type: "external_api" | "data_collection";
  description: string;
  url: string;
  method: string;
  headers: HeaderRow[];
  /** Stored headers are sent again only once the rows were changed. */
  headersChanged: boolean;
  schemaText: string;
  timeoutMs: string;
  enabled: boolean;
}

const NEW_SCHEMA = { type: "object", properties: {}, required: [] };

export function initialValues(fn?: CustomFunction): FunctionFormValues {
  return {
    name: fn?.name ?? "",
    type: fn?.type === "data_collection" ? "data_collection" : "external_api",
    description: fn?.description ?? "",
    url: fn?.url ?? "",
    method: fn?.method ?? "POST",
    headers: Object.entries(fn?.headers ?? {}).map(([name, masked], id) => ({ id, name, value: "", stored: masked })),
    headersChanged: false,
    schemaText: JSON.stringify(fn?.parameters ?? NEW_SCHEMA, null, 2),
    timeoutMs: String(fn?.timeout_ms ?? 5000),
    enabled: fn?.enabled ?? true,
  };
}

/** The parameter schema from the textarea, or why it is not JSON. */
export function parseSchemaText(text: string): { schema: unknown } | { error: string } {
  try {
    return { schema: JSON.parse(text) };
  } catch (err) {
    return { error: `Kein gültiges JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Header rows as the method's record; fully empty rows are left out. */
function headerRecord(rows: HeaderRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.name.trim() || r.value).map((r) => [r.name.trim(), r.value]));
}

/** A stored header whose hidden value was not entered again would be overwritten with nothing. */
export function missingHeaderValue(values: FunctionFormValues): string | undefined {
  if (!values.headersChanged) return undefined;
  const row = values.headers.find((r) => r.stored !== undefined && r.name.trim() && r.value === "");
  return row && `Der gespeicherte Wert von „${row.name}“ wird nicht angezeigt: bitte erneut eingeben oder die Zeile entfernen.`;
}

const external = (v: FunctionFormValues) => v.type === "external_api";
const timeout = (v: FunctionFormValues) => (v.timeoutMs.trim() === "" ? undefined : Number(v.timeoutMs));

export function createInput(v: FunctionFormValues, schema: unknown) {
  return {
    name: v.name.trim(),
    type: v.type,
    description: v.description.trim() || undefined,
    url: external(v) ? v.url.trim() : undefined,
    method: v.method,
    headers: external(v) ? headerRecord(v.headers) : {},
    parameter_schema: schema,
    timeout_ms: timeout(v),
    enabled: v.enabled,
  };
}

export function updateInput(id: string, v: FunctionFormValues, schema: unknown) {
  return {
    function_id: id,
    updates: {
      description: v.description.trim() || null,
      ...(external(v) ? { url: v.url.trim(), method: v.method } : {}),
      ...(external(v) && v.headersChanged ? { headers: headerRecord(v.headers) } : {}),
      parameter_schema: schema,
      timeout_ms: timeout(v),
      enabled: v.enabled,
    },
  };
}

/** Issue paths of either method ("url", "updates.url", "headers.X-Key") → the form's field. */
export function byFormField(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) out[path.replace(/^updates\./, "").split(".")[0]!] ??= message;
  return out;
}
