import type { ReactNode } from "react";

/** A labelled control with its hint and its error, the error in a live region next to it. */
export function LimitField({
  id,
  label,
  error,
  hint,
  className,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-muted">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      <p
        id={`${id}-error`}
        data-testid={`${id}-error`}
        aria-live="polite"
        className="mt-1 min-h-4 text-xs font-medium text-breach"
      >
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

export const controlClass = (invalid: boolean) =>
  `w-full rounded-md border bg-surface px-2 py-1.5 text-sm ${invalid ? "border-breach" : "border-border"}`;

/** aria wiring for a control with a LimitField around it. */
export function describedBy(id: string, error: string | undefined, hint: boolean) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby":
      [error ? `${id}-error` : null, hint && !error ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined,
  };
}
