"use client";

import { useEffect, useRef } from "react";
import { Button } from "../ui/button";
import type { AlertActionKind } from "./alert-row";

interface BulkBarProps {
  selectable: number;
  selected: number;
  /** Selected alerts that are still active: only those can be acknowledged. */
  acknowledgeable: number;
  busy: boolean;
  onToggleAll: (select: boolean) => void;
  onAction: (kind: AlertActionKind) => void;
  onClear: () => void;
}

/** Select-all and the actions on every selected alert; stays at the top of the list while scrolling. */
export function BulkBar({ selectable, selected, acknowledgeable, busy, onToggleAll, onAction, onClear }: BulkBarProps) {
  const all = useRef<HTMLInputElement>(null);
  const allSelected = selectable > 0 && selected === selectable;
  useEffect(() => {
    if (all.current) all.current.indeterminate = selected > 0 && !allSelected;
  }, [selected, allSelected]);

  return (
    <div
      data-testid="bulk-bar"
      className="sticky top-0 z-10 flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-border bg-surface px-3 py-2"
    >
      <label className="flex items-center gap-2 text-sm">
        <input
          ref={all}
          type="checkbox"
          data-testid="select-all"
          className="size-4 accent-[var(--color-accent)]"
          checked={allSelected}
          onChange={(e) => onToggleAll(e.target.checked)}
        />
        Select all {selectable} open shown
      </label>
      <span className="text-sm text-muted" data-testid="selected-count">
        {selected} selected
      </span>
      <div className="ml-auto flex flex-wrap gap-2">
        <Button
          data-testid="bulk-ack-button"
          disabled={busy || acknowledgeable === 0}
          onClick={() => onAction("acknowledge")}
        >
          Acknowledge{acknowledgeable > 0 ? ` ${acknowledgeable}` : ""} selected
        </Button>
        <Button data-testid="bulk-resolve-button" disabled={busy || selected === 0} onClick={() => onAction("resolve")}>
          Resolve{selected > 0 ? ` ${selected}` : ""} selected
        </Button>
        <Button variant="ghost" disabled={selected === 0} onClick={onClear}>
          Clear selection
        </Button>
      </div>
    </div>
  );
}
