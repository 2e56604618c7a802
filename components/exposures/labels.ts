import { labelValue } from "@/lib/display/labels";
import { type Dimension, UNKNOWN } from "@/lib/engine/types";
import { stateByCode } from "@/lib/reference/us-states";

/** A dimension inside a sentence: "a known MSA", "the largest 25 of 40 states". */
export const DIMENSION_NOUN: Record<Dimension, { one: string; many: string }> = {
  strategy: { one: "strategy", many: "strategies" },
  state: { one: "state", many: "states" },
  msa: { one: "MSA", many: "MSAs" },
  vintage: { one: "vintage", many: "vintages" },
  construction_type: { one: "construction type", many: "construction types" },
  rent_band: { one: "rent band", many: "rent bands" },
  region: { one: "region", many: "regions" },
};

/** Dimensions that can run to hundreds of values: the chart and the table show the largest few. */
export const LONG_DIMENSIONS: ReadonlySet<Dimension> = new Set(["msa", "state"]);
export const TOP_N = 25;

/** A value with everything that identifies it: "Texas (TX)", "12420 Austin-Round Rock, TX". */
export function fullValueLabel(dimension: Dimension, value: string): string {
  if (value === UNKNOWN) return labelValue(dimension, value);
  if (dimension === "state") {
    const state = stateByCode(value);
    return state ? `${state.name} (${state.code})` : value;
  }
  if (dimension === "msa") return `${value} ${labelValue(dimension, value)}`;
  return labelValue(dimension, value);
}
