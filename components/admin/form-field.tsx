import type { ReactNode } from "react";

/** A labelled control with its error beside it in a live region, so it is announced when it appears. */
export function FormField({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-muted">
        {label}
      </label>
      {children}
      <p id={`${id}-error`} aria-live="polite" className="mt-1 min-h-4 text-xs font-medium text-breach">
        {error ? (
          <>
            <span aria-hidden="true">✕ </span>
            {error}
          </>
        ) : null}
      </p>
    </div>
  );
}

export const inputClass = (invalid: boolean) =>
  `w-full rounded-md border bg-surface px-2 py-1.5 text-sm ${invalid ? "border-breach" : "border-border"}`;

export const errorProps = (id: string, error: string | undefined) => ({
  "aria-invalid": error ? true : undefined,
  "aria-describedby": `${id}-error`,
});

export const thClass = "px-2 py-2 text-left text-xs font-medium text-muted";
export const tdClass = "px-2 py-2 align-top";
