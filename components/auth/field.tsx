import type { InputHTMLAttributes } from "react";

/** A labelled input with its error beside it, announced when it appears. */
export function Field({
  id,
  label,
  error,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; error?: string | undefined }) {
  return (
    <div className="mb-3">
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        className="w-full rounded-md border border-border bg-surface px-2 py-1.5 text-sm"
        {...input}
      />
      <p id={`${id}-error`} aria-live="polite" className="mt-1 min-h-4 text-xs text-breach">
        {error}
      </p>
    </div>
  );
}
