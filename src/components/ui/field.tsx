import type { InputHTMLAttributes } from "react";

export type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  hint?: string;
  error?: string;
};

/** A labelled input with its hint or error underneath, linked for screen readers. */
export function Field({ label, hint, error, id, name, ...props }: FieldProps) {
  const fieldId = id ?? name;
  const noteId = `${fieldId}-note`;
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? noteId : undefined}
        className={`block w-full rounded-md border px-3 py-2 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-500 ${error ? "border-red-500" : "border-slate-300"}`}
        {...props}
      />
      {(error ?? hint) && (
        <p id={noteId} className={`text-xs ${error ? "text-red-600" : "text-slate-500"}`}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}
