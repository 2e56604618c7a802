"use client";

import { useState } from "react";

/**
 * A number edited in place in the scenario list. While focused it keeps the text as typed (a
 * half-typed "1,2" is not rewritten under the cursor); otherwise it shows the entry's value.
 */
export function AmountInput({
  label,
  value,
  onChange,
  invalid,
  describedBy,
  placeholder,
  inputMode = "decimal",
}: {
  /** The accessible name: which entry and which amount. */
  label: string;
  value: string;
  onChange: (text: string) => void;
  invalid: boolean;
  describedBy?: string | undefined;
  placeholder?: string;
  inputMode?: "decimal" | "numeric";
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      aria-label={label}
      value={draft ?? value}
      inputMode={inputMode}
      autoComplete="off"
      placeholder={placeholder}
      onFocus={() => setDraft(value)}
      onBlur={() => setDraft(null)}
      onChange={(e) => {
        setDraft(e.target.value);
        onChange(e.target.value);
      }}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      className={`w-36 rounded-md border bg-surface px-2 py-1 text-right text-sm tabular-nums ${invalid ? "border-breach" : "border-border"}`}
    />
  );
}
