"use client";

import { useId } from "react";
import { DIMENSION_LABELS, isDimension } from "@/lib/display/dimension-labels";
import { Button } from "../ui/button";
import { AmountInput } from "./amount-input";
import { EntryIssues } from "./entry-issues";
import { bucketText, type ValueLabeller } from "./labels";
import { amountText, type EntryIssue, percentOf, viewShock, withField } from "./scenario-state";

function ShockEntry({
  index,
  entry,
  issues,
  labelOf,
  onChange,
  onRemove,
}: {
  index: number;
  entry: unknown;
  issues: readonly EntryIssue[];
  labelOf: ValueLabeller;
  onChange: (entry: unknown) => void;
  onRemove: () => void;
}) {
  const issuesId = useId();
  const view = viewShock(entry);
  const dimension = typeof view.dimensionType === "string" ? view.dimensionType : "";
  const value = typeof view.dimensionValue === "string" ? view.dimensionValue.trim() : null;
  const known = isDimension(dimension);
  const bucket =
    value === null || value === ""
      ? `every ${known ? DIMENSION_LABELS[dimension].toLowerCase() : "value"}`
      : known
        ? labelOf(dimension, bucketText(dimension, value))
        : value;
  const name = `${known ? DIMENSION_LABELS[dimension] : dimension || "?"}: ${bucket}`;
  const what = `shock ${index + 1} (${name})`;
  return (
    <li
      data-testid="shock-entry"
      className={`rounded-md border px-3 py-2 ${issues.length ? "border-breach/60 bg-breach-bg/40" : "border-border"}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="min-w-0">
          <span className="mr-2 text-xs text-muted">{index + 1}.</span>
          <span className="font-medium">{name}</span>
        </p>
        <span className="flex items-center gap-2">
          <AmountInput
            label={`Change in value (%) of ${what}`}
            value={amountText(view.valueChangePct)}
            invalid={issues.some((i) => i.field === "valueChangePct")}
            describedBy={issues.length ? issuesId : undefined}
            onChange={(text) => onChange(withField(entry, "valueChangePct", percentOf(text)))}
          />
          <span aria-hidden="true" className="text-sm text-muted">
            %
          </span>
          <Button variant="ghost" onClick={onRemove} aria-label={`Remove ${what}`}>
            Remove
          </Button>
        </span>
      </div>
      <EntryIssues id={issuesId} issues={issues} />
    </li>
  );
}

/** The scenario's shocks, applied in order after the trades; each percentage editable in place. */
export function ShockList({
  shocks,
  issues,
  labelOf,
  onChange,
  onRemove,
}: {
  shocks: readonly unknown[];
  issues: ReadonlyMap<number, EntryIssue[]>;
  labelOf: ValueLabeller;
  onChange: (index: number, entry: unknown) => void;
  onRemove: (index: number) => void;
}) {
  if (shocks.length === 0) return <p className="text-sm text-muted">No shocks yet.</p>;
  return (
    <ol className="space-y-2" aria-label="Shocks, applied in this order after the trades">
      {shocks.map((entry, i) => (
        <ShockEntry
          key={i}
          index={i}
          entry={entry}
          issues={issues.get(i) ?? []}
          labelOf={labelOf}
          onChange={(next) => onChange(i, next)}
          onRemove={() => onRemove(i)}
        />
      ))}
    </ol>
  );
}
