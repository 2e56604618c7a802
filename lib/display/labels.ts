import { DIMENSIONS, type Dimension, UNKNOWN } from "../engine/types";
import { msaName } from "../reference/cbsa";

export { DIMENSIONS };

export const DIMENSION_LABELS: Record<Dimension, string> = {
  strategy: "Strategy",
  state: "State",
  msa: "MSA",
  vintage: "Vintage",
  construction_type: "Construction type",
  rent_band: "Rent band",
};

export function isDimension(value: string): value is Dimension {
  return (DIMENSIONS as readonly string[]).includes(value);
}

/** "value_add" → "Value add"; MSA codes get their CBSA title; `unknown` reads "Unknown". */
export function labelValue(dimension: Dimension | string, value: string): string {
  if (value === UNKNOWN) return "Unknown";
  if (dimension === "state" || dimension === "vintage") return value;
  if (dimension === "msa") return msaName(value) ?? `MSA ${value}`;
  const words = value.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A limit's value as people read it; null for a limit on every value of its dimension. */
export function limitValueLabel(dimension: string, value: string | null): string | null {
  return value === null ? null : labelValue(dimension, value);
}
