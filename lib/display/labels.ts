import type { Dimension } from "../engine/types";
import { msaName } from "../reference/cbsa";
import { DIMENSION_LABELS, DIMENSIONS, isDimension, labelValueWith } from "./dimension-labels";

export { DIMENSION_LABELS, DIMENSIONS, isDimension };

/** "value_add" → "Value add"; MSA codes get their CBSA title; `unknown` reads "Unknown". */
export function labelValue(dimension: Dimension | string, value: string): string {
  return labelValueWith(dimension, value, msaName);
}

/** A limit's value as people read it; null for a limit on every value of its dimension. */
export function limitValueLabel(dimension: string, value: string | null): string | null {
  return value === null ? null : labelValue(dimension, value);
}
