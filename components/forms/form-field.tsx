import { Label } from "@/components/ui/label";
import { FieldError, fieldErrorId } from "./field-error";

/** Props that tie a control to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * A labelled form field: label, the control (rendered with `control(props)` so any input,
 * textarea or select gets the id and aria attributes), an optional hint and the inline error.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  control,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  control: (props: FieldControlProps) => React.ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, error ? fieldErrorId(id) : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="grid content-start gap-2">
      <Label htmlFor={id}>{label}</Label>
      {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <FieldError fieldId={id} message={error} />
    </div>
  );
}
