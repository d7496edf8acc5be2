/** The inline error under a form field; link it with aria-describedby={fieldErrorId(id)}. */
export function fieldErrorId(fieldId: string): string {
  return `${fieldId}-error`;
}

export function FieldError({ fieldId, message }: { fieldId: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={fieldErrorId(fieldId)} role="alert" className="text-sm text-destructive">
      {message}
    </p>
  );
}
