"use client";

import { formatPct } from "@/lib/display/format";
import { DIMENSION_LABELS } from "@/lib/display/labels";
import { BASES, DIMENSIONS, type Dimension } from "@/lib/engine/types";
import { BASIS_WORDS } from "../limits/limit-rule";
import {
  defaultValues,
  MAX_TREND_VALUES,
  RANGE_LABELS,
  TREND_RANGES,
  type TrendSelection,
  toggleValue,
} from "./trend-params";

export interface ValueChoice {
  value: string;
  label: string;
  /** Share in the latest run. */
  exposurePct: number;
}

interface TrendControlsProps {
  selection: TrendSelection;
  choices: Record<Dimension, ValueChoice[]>;
  onChange: (next: TrendSelection) => void;
}

// The input covers its whole chip, invisible: clicks land on the control itself, focus shows on the chip.
const chip =
  "relative inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-border px-2.5 py-1 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent has-[:checked]:text-accent-fg has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-50";

export function TrendControls({ selection, choices, onChange }: TrendControlsProps) {
  const values = choices[selection.dimension];
  const full = selection.values.length >= MAX_TREND_VALUES;
  const options = Object.fromEntries(DIMENSIONS.map((d) => [d, choices[d].map((c) => c.value)]));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <div>
          <label htmlFor="trend-dimension" className="mb-1 block text-xs font-medium text-muted">
            Dimension
          </label>
          <select
            id="trend-dimension"
            value={selection.dimension}
            onChange={(e) => {
              const dimension = e.target.value as Dimension;
              onChange({ ...selection, dimension, values: defaultValues(dimension, options) });
            }}
            className="rounded-md border border-border bg-surface px-2 py-1.5 text-sm"
          >
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {DIMENSION_LABELS[d]}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-muted">Range</legend>
          <div className="flex gap-1">
            {TREND_RANGES.map((range) => (
              <label key={range} className={chip}>
                <input
                  type="radio"
                  name="trend-range"
                  value={range}
                  checked={selection.range === range}
                  onChange={() => onChange({ ...selection, range })}
                  className="absolute inset-0 cursor-pointer opacity-0 disabled:cursor-not-allowed"
                />
                {RANGE_LABELS[range]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset data-testid="trend-basis">
          <legend className="mb-1 text-xs font-medium text-muted">Counted in</legend>
          <div className="flex gap-1">
            {BASES.map((basis) => (
              <label key={basis} className={chip}>
                <input
                  type="radio"
                  name="trend-basis"
                  value={basis}
                  checked={selection.basis === basis}
                  onChange={() => onChange({ ...selection, basis })}
                  className="absolute inset-0 cursor-pointer opacity-0 disabled:cursor-not-allowed"
                />
                {BASIS_WORDS[basis]}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <fieldset>
        <legend className="mb-1 text-xs font-medium text-muted">
          Values <span className="font-normal">(largest first in the latest run; up to {MAX_TREND_VALUES})</span>
        </legend>
        {values.length === 0 ? (
          <p className="text-sm text-muted">The latest run has no values for this dimension.</p>
        ) : (
          <div className="flex max-h-40 flex-wrap gap-1.5 overflow-y-auto p-0.5" data-testid="trend-values">
            {values.map((choice) => {
              const checked = selection.values.includes(choice.value);
              return (
                <label key={choice.value} className={chip}>
                  <input
                    type="checkbox"
                    value={choice.value}
                    checked={checked}
                    disabled={!checked && full}
                    onChange={() => onChange({ ...selection, values: toggleValue(selection.values, choice.value) })}
                    className="absolute inset-0 cursor-pointer opacity-0 disabled:cursor-not-allowed"
                  />
                  <span aria-hidden="true">{checked ? "✓" : "+"}</span>
                  {choice.label}
                  <span className="text-xs opacity-75">{formatPct(choice.exposurePct)}</span>
                </label>
              );
            })}
          </div>
        )}
      </fieldset>
    </div>
  );
}
