import type { Path, UseFormReturn } from "react-hook-form";
import { appErrorCode, errorMessage, fieldErrors } from "@/components/forms/trpc-errors";
import { byFormField, type FunctionFields } from "./function-form-values";

/** Service codes that belong to one field of the editor (the rest is shown for the whole form). */
const FIELD_OF_CODE: Record<number, keyof FunctionFields> = {
  4004: "parameter_schema", // the schema is no valid JSON Schema (with the validator's reasons)
  4001: "url", // an external call needs a URL
  3007: "name", // the name is taken or belongs to a built-in
};

/** A refused save as the editor's errors: field issues, else the service's message at its field or under "_". */
export function functionSaveErrors(err: unknown): Record<string, string> {
  const fields = byFormField(fieldErrors(err));
  if (Object.keys(fields).length > 0) return fields;
  return { [FIELD_OF_CODE[appErrorCode(err) ?? 0] ?? "_"]: errorMessage(err) };
}

/** onError of the editor's save: messages under their fields, anything else above the form (root.server, cleared by the next submit). */
export function showSaveErrors(form: UseFormReturn<FunctionFields, unknown, unknown>) {
  return (err: unknown) => {
    const known = Object.keys(form.getValues());
    let shown = 0;
    for (const [field, message] of Object.entries(functionSaveErrors(err))) {
      const name = known.includes(field) ? (field as Path<FunctionFields>) : "root.server";
      form.setError(name, { type: "server", message }, { shouldFocus: shown === 0 && name !== "root.server" });
      shown++;
    }
  };
}
