"use client";

import { type DragEvent, useEffect, useRef, useState } from "react";

const ACCEPT =
  ".csv,.tsv,.txt,.json,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Drag a file here or pick one; the input stays the real control (keyboard, screen readers, tests). */
export function DropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled: boolean }) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // A file picked before hydration fired its change event at no one: take it up now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount; onFile is a new function on every render.
  useEffect(() => {
    const early = input.current?.files?.[0];
    if (early) {
      if (input.current) input.current.value = "";
      onFile(early);
    }
    // Once, on mount; onFile is a new function on every render.
  }, []);
  const drop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <label
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={`flex cursor-pointer flex-col items-center justify-center gap-1 rounded-card border-2 border-dashed px-4 py-8 text-center transition focus-within:outline focus-within:outline-2 focus-within:outline-accent ${
        over ? "border-accent bg-within-bg" : "border-border bg-surface-2/50 hover:bg-surface-2"
      } ${disabled ? "cursor-not-allowed opacity-60" : ""}`}
    >
      <span aria-hidden="true" className="text-2xl text-muted">
        ⇪
      </span>
      <span className="text-sm font-medium text-text">Drop a positions file here, or choose a file</span>
      <span className="text-xs text-muted">CSV, JSON or XLSX · checked before anything is stored</span>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        data-testid="upload-input"
        aria-label="Positions file (CSV, JSON or XLSX)"
        disabled={disabled}
        className="sr-only"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
